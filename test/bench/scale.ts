import { readFile } from 'node:fs/promises';
import { testServerUrl } from '../helpers/db.js';
import { startHoldingProxy } from '../helpers/holding-proxy.js';
import { hasRedisServer } from '../helpers/redis-server.js';
import {
  leaseOwners,
  startShardedWorld,
  type ShardedWorld,
  type ShardProcess,
} from '../helpers/shard-process.js';
import {
  checkJourneys,
  journeyReplies,
  recordReplies,
  runJourneys,
} from '../helpers/sharded-load.js';
import { num, percentile, ratio } from './report.js';
import type { Benchmark, BenchContext, BenchReport, Cell } from './types.js';

const partitions = 16;
const plan = {
  full: { users: 400, inFlight: 100, warmup: 40, workers: [1, 2, 4] },
  quick: { users: 40, inFlight: 20, warmup: 10, workers: [1, 2] },
};

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

interface Row {
  label: string;
  workers: number;
  updates: number;
  rate: number;
  cpuMicros: number;
  p50: number;
  p95: number;
  inversions: number;
  lost: number;
  duplicated: number;
}

/**
 * Sharded mode as deployed: a fetcher and N worker processes (startApp, ROLES=fetcher / worker) on
 * PostgreSQL (TEST_DATABASE_URL; else PGlite, noted) and a redis-server of its own, against the
 * in-process emulator. Each row drives new users through the owner and advertiser menus (three
 * updates at once, then three presses) and checks every reply: order, loss, duplicates.
 */
export const scaleBenchmark: Benchmark = {
  name: 'scale',
  summary:
    'sharded: fetcher + 1/2/4 worker processes on PostgreSQL + Redis, and a worker SIGKILLed',
  async run(context: BenchContext): Promise<BenchReport> {
    if (!hasRedisServer()) throw new Error('the scale benchmark needs redis-server on PATH');
    const { users, inFlight, warmup, workers } = context.quick ? plan.quick : plan.full;
    const backend = testServerUrl() ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)';
    const world = await startShardedWorld();
    const rows: Row[] = [];
    try {
      for (const n of workers) {
        context.log(`scale: fetcher + ${n} worker(s), ${users} users`);
        rows.push(
          await measure(context, world, n, {
            users,
            inFlight,
            warmup,
            label: `${n} worker${n > 1 ? 's' : ''}`,
          }),
        );
      }
      for (const kill of ['held', 'raw'] as const) {
        context.log(`scale: fetcher + 2 workers, one SIGKILLed (${kill})`);
        rows.push(
          await measure(context, world, 2, {
            users,
            inFlight,
            warmup,
            label:
              kill === 'held'
                ? '2 workers, 1 SIGKILLed (its calls held)'
                : '2 workers, 1 SIGKILLed (raw)',
            kill,
          }),
        );
      }
    } finally {
      await world.close();
    }
    const one = rows[0]!;
    return {
      title: `sharded mode on ${backend} + Redis, ${partitions} partitions; ${users} new users × ${journeyReplies.length} updates, ${inFlight} in flight`,
      columns: [
        'processes',
        'updates',
        'upd/s',
        'vs 1 worker',
        'cpu µs/upd',
        'p50 ms',
        'p95 ms',
        'order inversions',
        'lost',
        'duplicated',
      ],
      rows: rows.map((r): Cell[] => [
        r.label,
        num(r.updates),
        num(r.rate),
        ratio(r.rate, one.rate),
        num(r.cpuMicros),
        num(r.p50, 1),
        num(r.p95, 1),
        r.inversions,
        r.lost,
        r.duplicated,
      ]),
      ratios: rows
        .slice(1)
        .map(
          (r) =>
            `${r.label}: ${num(r.rate)} upd/s · 1 worker ${num(one.rate)} upd/s · ratio ${ratio(r.rate, one.rate)}`,
        ),
      notes: [
        'cpu is the fetcher and the workers (from /proc), not PostgreSQL, Redis or the emulator; every process shares the same cores',
        'a killed worker: its leases run out (10 s) before the survivor takes its partitions and pending updates over, which shows in p95',
        '"its calls held": killed while no Bot API call of it is in flight; "raw": killed at any moment — a call Telegram carried out whose answer the worker never saw is repeated once (Telegram has no idempotency key)',
      ],
    };
  },
};

/** Waits until every partition has a lease and the workers hold them all between them. */
async function balanced(httpUrl: string, workers: number): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    const owners = await leaseOwners(httpUrl);
    if (owners.size === partitions && new Set(owners.values()).size === workers) return;
    if (Date.now() > until) throw new Error('the workers did not share the partitions in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(
  context: BenchContext,
  world: ShardedWorld,
  workerCount: number,
  options: {
    users: number;
    inFlight: number;
    warmup: number;
    label: string;
    kill?: 'held' | 'raw';
  },
): Promise<Row> {
  const { sandbox } = world;
  const proxy = options.kill ? await startHoldingProxy(sandbox.apiRoot) : undefined;
  const processes: ShardProcess[] = [];
  const start = async (roles: string, apiRoot: string) => {
    const p = await world.start({
      ROLES: roles,
      TELEGRAM_API_ROOT: apiRoot,
      SHARD_PARTITIONS: String(partitions),
      LOG_LEVEL: 'error',
    });
    processes.push(p);
    return p;
  };
  try {
    await start('fetcher', sandbox.apiRoot);
    for (let i = 0; i < workerCount; i++)
      await start('worker', i === 0 && proxy ? proxy.url : sandbox.apiRoot);
    await balanced(processes.at(-1)!.httpUrl, workerCount);
    const victim = processes[1]!;
    const replies = recordReplies(sandbox.emulator, sandbox.bot.id);
    await runJourneys({
      sandbox,
      log: replies.log,
      users: options.warmup,
      inFlight: options.inFlight,
      timeoutMs: 60_000,
    });
    const cpuBefore = await Promise.all(processes.map((p) => cpuSeconds(p.proc.pid!)));
    let killed: Promise<number> | undefined;
    const run = await runJourneys({
      sandbox,
      log: replies.log,
      users: options.users,
      inFlight: options.inFlight,
      timeoutMs: 60_000,
      onProgress: (done) => {
        if (!options.kill || done !== Math.round(options.users * 0.4)) return;
        killed = (async () => {
          const cpu = await cpuSeconds(victim.proc.pid!);
          if (options.kill === 'held') {
            await proxy!.hold();
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
          await victim.kill();
          return cpu;
        })();
      },
    });
    replies.stop();
    const victimCpu = killed ? await killed : undefined;
    const cpuAfter = await Promise.all(
      processes.map((p) =>
        p === victim && victimCpu !== undefined ? victimCpu : cpuSeconds(p.proc.pid!),
      ),
    );
    const cpu = cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i]!, 0);
    const check = checkJourneys(run.people, replies.log);
    if (check.wrong.length > 0)
      context.log(`scale: ${options.label}: ${check.wrong.slice(0, 3).join('; ')}`);
    const updates = options.users * journeyReplies.length;
    return {
      label: options.label,
      workers: workerCount,
      updates,
      rate: (updates / run.ms) * 1000,
      cpuMicros: (cpu * 1e6) / updates,
      p50: percentile(run.latencies, 50),
      p95: percentile(run.latencies, 95),
      ...check,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await proxy?.close();
  }
}
