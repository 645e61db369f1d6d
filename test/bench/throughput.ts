import { createEmulator } from '../../sandbox/emulator.js';
import { createSandboxWorld } from '../../sandbox/seed.js';
import { startEchoBot, type RunningBenchBot } from './load/echo-bot.js';
import { recordFlowCalls, startFloorBot } from './load/floor-bot.js';
import { benchBackend, startLytslotBot, type LytslotBenchBot } from './load/lytslot-bot.js';
import { createLoadDriver, type Flow, type LoadResult, type Step } from './load/driver.js';
import { echoFlow, lytslotFlow } from './load/flows.js';
import { probeSteps, probeUsers } from './load/probe.js';
import { median, num, ratio } from './report.js';
import type { Benchmark, BenchContext, BenchReport } from './types.js';

const repeats = 3;

/** Users in flight at once (the same on both sides); the total differs so each run lasts seconds. */
const plan = {
  full: { concurrency: 100, echoUsers: 2000, lytslotUsers: 200, warmupShare: 0.25 },
  quick: { concurrency: 20, echoUsers: 100, lytslotUsers: 20, warmupShare: 0.5 },
};

type BenchBot = RunningBenchBot & Partial<Pick<LytslotBenchBot, 'roundTrips' | 'serverCpu'>>;

interface Side {
  label: string;
  flow: Flow;
  botId: number;
  users: number;
  bot: BenchBot;
  results: LoadResult[];
  /** µs of PostgreSQL server CPU per update of each run (lytslot sides on a server only). */
  serverMicros: number[];
  /** Per step of the flow (one user alone): SQL round trips and Bot API calls. */
  probe?: { roundTrips: number[]; apiCalls: number[] };
}

/** What a step does, for the per-step table. */
function stepLabel(step: Step): string {
  return 'send' in step ? `message "${step.send}"` : `callback «${step.press}»`;
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
    const floor = emulator.createBot({ username: 'BenchFloorBot', first_name: 'Floor' });
    const floorRead = emulator.createBot({ username: 'BenchFloorReadBot', first_name: 'Floor' });
    const { url } = await emulator.listen(0, '127.0.0.1');
    const driver = createLoadDriver(emulator);
    const bots: RunningBenchBot[] = [];
    try {
      const echoBot = await startEchoBot(echo.token, url);
      bots.push(echoBot);
      const durable = await startLytslotBot(ids.botToken, url);
      bots.push(durable);
      const inMemory = await startLytslotBot(volatile.token, url, { durable: false });
      bots.push(inMemory);
      // The floor replays what the real bot sends at each step (same methods, texts, keyboards).
      const calls = await recordFlowCalls(driver, lytslotFlow, volatile.id, inMemory);
      const floorBot = await startFloorBot(floor.token, url, calls);
      bots.push(floorBot);
      const floorReadBot = await startFloorBot(floorRead.token, url, calls, inMemory.database);
      bots.push(floorReadBot);
      const side = (label: string, flow: Flow, botId: number, users: number, bot: BenchBot) => ({
        label,
        flow,
        botId,
        users,
        bot,
        results: [],
        serverMicros: [],
      });
      const sides: Side[] = [
        side('echo (bare grammY)', echoFlow, echo.id, echoUsers, echoBot),
        side('floor: the same Bot API calls', lytslotFlow, floor.id, lytslotUsers, floorBot),
        side('floor + one scoped read', lytslotFlow, floorRead.id, lytslotUsers, floorReadBot),
        side('lytslot (createBot)', lytslotFlow, ids.botId, lytslotUsers, durable),
        side('lytslot, intake in memory', lytslotFlow, volatile.id, lytslotUsers, inMemory),
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
          const server = await side.bot.serverCpu?.();
          const result = await load(side, side.users);
          const serverMicros = await server?.();
          side.results.push(result);
          if (serverMicros !== undefined) side.serverMicros.push(serverMicros / result.updates);
          context.log(
            `throughput: run ${i + 1} ${side.label}: ${num(result.rate)} upd/s (${num(result.ms)} ms)`,
          );
        }
      }
      for (const side of sides) {
        context.log(`throughput: counting round trips and API calls of ${side.label}`);
        const { roundTrips, apiCalls } = side.bot;
        side.probe = await probeSteps(driver, side.flow, side.botId, {
          roundTrips: roundTrips ?? (() => 0),
          apiCalls,
        });
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
  const server = (side: Side) => (side.serverMicros.length ? median(side.serverMicros) : undefined);
  const [echo, floorCalls, floorRead, lytslot, volatile] = sides as [Side, Side, Side, Side, Side];
  const onServer = sides.some((side) => server(side) !== undefined);
  const backend = benchBackend();
  const perStep = (side: Side, what: 'roundTrips' | 'apiCalls', i: number) =>
    side.probe?.[what][i] ?? 0;
  const mean = (side: Side, what: 'roundTrips' | 'apiCalls') =>
    side.flow.steps.reduce((sum, _, i) => sum + perStep(side, what, i), 0) / side.flow.steps.length;
  const total = (side: Side) => cpu(side) + (server(side) ?? 0);
  return {
    title: `updates handled per second; new users × ${lytslotFlow.steps.length} updates each, ${concurrency} users in flight; median of ${repeats} after a warm-up; lytslot on ${backend.database}, ${backend.redis ? 'with' : 'without'} Redis`,
    columns: [
      'bot',
      'users',
      'updates',
      ...Array.from({ length: repeats }, (_, i) => `run ${i + 1} upd/s`),
      'median upd/s',
      'cpu µs/upd',
      ...(onServer ? ['server cpu µs/upd'] : []),
    ],
    rows: sides.map((side) => {
      const serverMicros = server(side);
      return [
        side.label,
        num(side.users),
        num(side.results[0]?.updates ?? 0),
        ...side.results.map((r) => num(r.rate)),
        num(rate(side)),
        num(cpu(side)),
        ...(onServer ? [serverMicros === undefined ? '-' : num(serverMicros)] : []),
      ];
    }),
    tables: [
      {
        title: `per update, one user alone (median of ${probeUsers}): SQL round trips (statements incl. BEGIN/COMMIT) and Bot API calls (getUpdates left out)`,
        columns: [
          'step',
          'lytslot update',
          'SQL, stored first',
          'SQL, intake in memory',
          'API calls',
          'floor API calls',
          'echo API calls',
        ],
        rows: [
          ...lytslotFlow.steps.map((step, i) => [
            String(i + 1),
            stepLabel(step),
            num(perStep(lytslot, 'roundTrips', i)),
            num(perStep(volatile, 'roundTrips', i)),
            num(perStep(lytslot, 'apiCalls', i)),
            num(perStep(floorCalls, 'apiCalls', i)),
            num(perStep(echo, 'apiCalls', i)),
          ]),
          [
            '',
            'mean per update',
            num(mean(lytslot, 'roundTrips'), 1),
            num(mean(volatile, 'roundTrips'), 1),
            num(mean(lytslot, 'apiCalls'), 1),
            num(mean(floorCalls, 'apiCalls'), 1),
            num(mean(echo, 'apiCalls'), 1),
          ],
        ],
      },
    ],
    ratios: [
      `throughput: echo ${num(rate(echo))} upd/s · lytslot ${num(rate(lytslot))} upd/s · ratio ${ratio(rate(lytslot), rate(echo))}`,
      `cpu per update: echo ${num(cpu(echo))} µs · lytslot ${num(cpu(lytslot))} µs · ratio ${ratio(cpu(lytslot), cpu(echo))}`,
      `floor (bare grammY making lytslot's Bot API calls): ${num(cpu(floorCalls))} µs · ratio to echo ${ratio(cpu(floorCalls), cpu(echo))}; with one scoped read per update ${num(cpu(floorRead))} µs · ratio to echo ${ratio(cpu(floorRead), cpu(echo))}`,
      `cpu per update over the floor with its read: lytslot ${num(cpu(lytslot))} µs · floor ${num(cpu(floorRead))} µs · ratio ${ratio(cpu(lytslot), cpu(floorRead))} (intake in memory ${ratio(cpu(volatile), cpu(floorRead))})`,
      ...(onServer
        ? [
            `cpu per update with the PostgreSQL server's: lytslot ${num(total(lytslot))} µs · ratio to echo ${ratio(total(lytslot), cpu(echo))}`,
          ]
        : []),
      `durable intake: stored first ${num(rate(lytslot))} upd/s · in memory ${num(rate(volatile))} upd/s · ratio ${ratio(rate(lytslot), rate(volatile))}`,
    ],
    notes: [
      onServer
        ? "one process: emulator, driver and bot share one event loop; cpu is that process, server cpu the PostgreSQL backends of the bot's database (/proc)"
        : 'one process: emulator, driver, bot and PGlite share one event loop; cpu is the whole process',
      `backend: ${backend.database}; Redis ${backend.redis ? 'for the rate limiter and the outbound gateway' : 'not used (in-memory rate limiter and flood limits)'}`,
      '"intake in memory" is the same bot with its intake kept in memory: the price of storing each update before acknowledging it',
      '"floor": a bare grammY bot replaying, at each step, the Bot API calls lytslot made there (recorded from one user; same methods, texts and keyboards); "+ one scoped read" also reads the sender\'s account row per update (scopedStatement on lytslot\'s database): the least any bot with a database does',
    ],
  };
}
