import { createEmulator } from '../../sandbox/emulator.js';
import { createSandboxWorld } from '../../sandbox/seed.js';
import { startEchoBot, type RunningBenchBot } from './load/echo-bot.js';
import { benchBackend, startLytslotBot, type LytslotBenchBot } from './load/lytslot-bot.js';
import {
  createLoadDriver,
  type Flow,
  type LoadDriver,
  type LoadResult,
  type Step,
} from './load/driver.js';
import { echoFlow, lytslotFlow } from './load/flows.js';
import { median, num, ratio } from './report.js';
import type { Benchmark, BenchContext, BenchReport } from './types.js';

const repeats = 3;

/** Users in flight at once (the same on both sides); the total differs so each run lasts seconds. */
const plan = {
  full: { concurrency: 100, echoUsers: 2000, lytslotUsers: 200, warmupShare: 0.25 },
  quick: { concurrency: 20, echoUsers: 100, lytslotUsers: 20, warmupShare: 0.5 },
};

interface Side {
  label: string;
  flow: Flow;
  botId: number;
  users: number;
  results: LoadResult[];
  /** The lytslot sides: the bot, to count its SQL round trips per step. */
  bot?: LytslotBenchBot;
  /** Round trips of each step of the flow (median over the probe users). */
  roundTrips?: number[];
}

/** Users sent through the flow alone, one at a time, to count the round trips of each step. */
const probeUsers = 3;
/** A step's statements are counted once the database saw none for this long. */
const quietMs = 60;

/** What a step does, for the round-trip table. */
function stepLabel(step: Step): string {
  return 'send' in step ? `message "${step.send}"` : `callback «${step.press}»`;
}

/** Resolves once `count()` stayed the same for quietMs (the update's last statements are in). */
async function settled(count: () => number): Promise<number> {
  let last = count();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = count();
    if (now === last) return now;
    last = now;
  }
}

/** SQL round trips per step of `side.flow`: median over probeUsers new users, each alone. */
async function probeRoundTrips(driver: LoadDriver, side: Side): Promise<number[]> {
  const bot = side.bot;
  if (!bot) throw new Error(`${side.label} has no database`);
  const perUser: number[][] = [];
  for (const userId of driver.createUsers(probeUsers)) {
    const counts: number[] = [];
    let before = await settled(bot.roundTrips);
    await driver.runAlone(side.flow, userId, side.botId, async () => {
      const after = await settled(bot.roundTrips);
      counts.push(after - before);
      before = after;
    });
    perUser.push(counts);
  }
  return side.flow.steps.map((_, i) => median(perUser.map((counts) => counts[i] ?? 0)));
}

/**
 * Updates per second of the real bot (first contact: /start, role menu, free text) against a bare
 * grammY echo bot doing as many updates, both polling one in-process emulator (two bot tokens).
 * Runs alternate between the sides so drift on a shared machine hits both alike.
 */
export const throughputBenchmark: Benchmark = {
  name: 'throughput',
  summary: 'updates/s of the real bot flow vs a bare grammY echo bot on the same emulator',
  async run(context: BenchContext): Promise<BenchReport> {
    const { concurrency, echoUsers, lytslotUsers, warmupShare } = context.quick
      ? plan.quick
      : plan.full;
    const emulator = createEmulator({
      onError: (error, where) => context.log(`sandbox error in ${where}: ${String(error)}`),
    });
    const ids = createSandboxWorld(emulator);
    const echo = emulator.createBot({ username: 'BenchEchoBot', first_name: 'Echo' });
    const volatile = emulator.createBot({ username: 'BenchVolatileBot', first_name: 'LytSlot' });
    const { url } = await emulator.listen(0, '127.0.0.1');
    const driver = createLoadDriver(emulator);
    const bots: RunningBenchBot[] = [];
    try {
      bots.push(await startEchoBot(echo.token, url));
      const durable = await startLytslotBot(ids.botToken, url);
      bots.push(durable);
      const inMemory = await startLytslotBot(volatile.token, url, { durable: false });
      bots.push(inMemory);
      const sides: Side[] = [
        {
          label: 'echo (bare grammY)',
          flow: echoFlow,
          botId: echo.id,
          users: echoUsers,
          results: [],
        },
        {
          label: 'lytslot (createBot)',
          flow: lytslotFlow,
          botId: ids.botId,
          users: lytslotUsers,
          results: [],
          bot: durable,
        },
        {
          label: 'lytslot, intake in memory',
          flow: lytslotFlow,
          botId: volatile.id,
          users: lytslotUsers,
          results: [],
          bot: inMemory,
        },
      ];
      const load = (side: Side, users: number) =>
        driver.run(side.flow, driver.createUsers(users), side.botId, concurrency);
      for (const side of sides) {
        const users = Math.ceil(side.users * warmupShare);
        context.log(`throughput: warm-up ${side.label}, ${users} users`);
        await load(side, users);
      }
      for (let i = 0; i < repeats; i++) {
        for (const side of i % 2 ? [...sides].reverse() : sides) {
          const result = await load(side, side.users);
          side.results.push(result);
          context.log(
            `throughput: run ${i + 1} ${side.label}: ${num(result.rate)} upd/s (${num(result.ms)} ms)`,
          );
        }
      }
      for (const side of sides.filter((s) => s.bot)) {
        context.log(`throughput: counting SQL round trips of ${side.label}`);
        side.roundTrips = await probeRoundTrips(driver, side);
      }
      return report(sides, concurrency);
    } finally {
      for (const bot of bots.reverse()) await bot.stop();
      driver.close();
      await emulator.close();
    }
  },
};

function report(sides: Side[], concurrency: number): BenchReport {
  const rate = (side: Side) => median(side.results.map((r) => r.rate));
  const cpu = (side: Side) => median(side.results.map((r) => r.cpuMicrosPerUpdate));
  const [echo, lytslot, volatile] = sides as [Side, Side, Side];
  const trips = (side: Side, i: number) => side.roundTrips?.[i] ?? 0;
  const tripsPerUpdate = (side: Side) =>
    lytslotFlow.steps.reduce((sum, _, i) => sum + trips(side, i), 0) / lytslotFlow.steps.length;
  const backend = benchBackend();
  return {
    title: `updates handled per second; new users × ${lytslotFlow.steps.length} updates each, ${concurrency} users in flight; median of ${repeats} after a warm-up; lytslot on ${backend.database}, ${backend.redis ? 'Redis' : 'no Redis'}`,
    columns: [
      'bot',
      'users',
      'updates',
      ...Array.from({ length: repeats }, (_, i) => `run ${i + 1} upd/s`),
      'median upd/s',
      'cpu µs/upd',
    ],
    rows: sides.map((side) => [
      side.label,
      num(side.users),
      num(side.results[0]?.updates ?? 0),
      ...side.results.map((r) => num(r.rate)),
      num(rate(side)),
      num(cpu(side)),
    ]),
    tables: [
      {
        title: `SQL round trips (statements incl. BEGIN/COMMIT) per update, one user alone, median of ${probeUsers}`,
        columns: ['step', 'update', 'stored first', 'intake in memory'],
        rows: [
          ...lytslotFlow.steps.map((step, i) => [
            String(i + 1),
            stepLabel(step),
            num(trips(lytslot, i)),
            num(trips(volatile, i)),
          ]),
          [
            '',
            'mean per update',
            num(tripsPerUpdate(lytslot), 1),
            num(tripsPerUpdate(volatile), 1),
          ],
        ],
      },
    ],
    ratios: [
      `throughput: echo ${num(rate(echo))} upd/s · lytslot ${num(rate(lytslot))} upd/s · ratio ${ratio(rate(lytslot), rate(echo))}`,
      `cpu per update: echo ${num(cpu(echo))} µs · lytslot ${num(cpu(lytslot))} µs · ratio ${ratio(cpu(lytslot), cpu(echo))}`,
      `durable intake: stored first ${num(rate(lytslot))} upd/s · in memory ${num(rate(volatile))} upd/s · ratio ${ratio(rate(lytslot), rate(volatile))}`,
    ],
    notes: [
      backend.database.startsWith('PGlite')
        ? 'one process: emulator, driver, bot and PGlite share one event loop; cpu is the whole process'
        : 'one process: emulator, driver and bot share one event loop; cpu is the whole process, not the PostgreSQL server',
      `backend: ${backend.database}; Redis ${backend.redis ? 'for the rate limiter and the outbound gateway' : 'not used (in-memory rate limiter)'}`,
      '"intake in memory" is the same bot with its intake kept in memory: the price of storing each update before acknowledging it',
    ],
  };
}
