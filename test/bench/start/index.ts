import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../../../sandbox/emulator.js';
import { createSandboxWorld } from '../../../sandbox/seed.js';
import { onServer } from '../../helpers/db.js';
import { freePort } from '../../helpers/redis-server.js';
import { median, mib, num } from '../report.js';
import type { Benchmark, BenchContext, BenchReport, Cell } from '../types.js';
import { probeStart, type StartSample } from './probe.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const settleMs = 3000;

type Runtime = 'tsx' | 'dist';

/**
 * Node's arguments as `npm start` gives them (package.json, tsx; without `--env-file-if-exists`:
 * a local .env would change the numbers) and as the image does (the Dockerfile's CMD, dist/).
 */
async function startArguments(): Promise<Record<Runtime, string[]>> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [exec, node, ...tsx] = pkg.scripts.start.split(/\s+/);
  if (exec !== 'exec' || node !== 'node')
    throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const cmd = /^CMD (\[.*\])$/m.exec(await readFile(join(repoRoot, 'Dockerfile'), 'utf8'))?.[1];
  const [dockerNode, ...dist] = JSON.parse(cmd ?? '[]') as string[];
  if (dockerNode !== 'node') throw new Error(`unexpected Dockerfile CMD: ${cmd}`);
  return { tsx: tsx.filter((a) => !a.startsWith('--env-file')), dist };
}

interface Row {
  runtime: Runtime;
  database: string;
  samples: StartSample[];
}

/**
 * Time to ready (/readyz answers 200) and memory of the all-in-one process (bot, jobs, http), each
 * start in a new process: on embedded PGlite as `npm start` runs it without a token (the sandbox),
 * in a new data dir and again in the same one; on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL,
 * a new database) with REDIS_URL when set and a bot token against a Bot API emulator in this
 * process, as production runs. Each both through tsx and from dist/ (built first).
 */
export const startBenchmark: Benchmark = {
  name: 'start',
  summary: 'time to ready and RSS of the all-in-one process: tsx vs dist/, PGlite vs PostgreSQL',
  async run(context: BenchContext): Promise<BenchReport> {
    const repeats = context.quick ? 1 : 3;
    const loadBefore = loadavg();
    build(context);
    warmTsx(context);
    const commands = await startArguments();
    const rows: Row[] = [];
    const serverUrl = (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)?.trim();
    const redisUrl = process.env.REDIS_URL?.trim();
    for (const runtime of ['tsx', 'dist'] as const) {
      rows.push(...(await embeddedRows(context, runtime, commands[runtime], repeats)));
      if (serverUrl)
        rows.push(
          ...(await serverRows(context, runtime, commands[runtime], repeats, serverUrl, redisUrl)),
        );
    }
    return report(rows, { serverUrl, redisUrl, loadBefore, repeats });
  },
};

function build(context: BenchContext): void {
  context.log('start: npm run build (dist/)');
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}

/** tsx caches what it compiled: load every module once so that no row pays the first compile. */
function warmTsx(context: BenchContext): void {
  context.log('start: warming the tsx cache');
  const script = "await import('./main.ts'); await import('./sandbox/boot.ts');";
  const warmed = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (warmed.status !== 0) throw new Error(`warming tsx failed:\n${warmed.stderr}`);
}

/** Variables every start gets; nothing is inherited but PATH and HOME. */
function baseEnv(httpPort: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ROLES: 'bot,jobs,http',
    LOG_LEVEL: 'info',
    HTTP_PORT: String(httpPort),
  };
}

/** `npm start` on PGlite: sandbox (no token), a new data dir once, then the same dir again. */
async function embeddedRows(
  context: BenchContext,
  runtime: Runtime,
  args: string[],
  repeats: number,
): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lytslot-bench-start-'));
  try {
    const start = async () => {
      const httpPort = await freePort();
      const env = {
        ...baseEnv(httpPort),
        NODE_ENV: 'development',
        DATA_DIR: join(dir, 'data'),
        SANDBOX_PORT: String(await freePort()),
      };
      return probeStart({
        args,
        cwd: repoRoot,
        env,
        httpPort,
        settleMs,
      });
    };
    context.log(`start: ${runtime}, PGlite, new data dir`);
    const first = [await start()];
    const again: StartSample[] = [];
    for (let i = 0; i < repeats; i++) {
      context.log(`start: ${runtime}, PGlite, same data dir (${i + 1}/${repeats})`);
      again.push(await start());
    }
    return [
      { runtime, database: 'PGlite, new data dir (sandbox)', samples: first },
      { runtime, database: 'PGlite, same data dir (sandbox)', samples: again },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Production's shape: PostgreSQL (+ Redis), a bot token, Telegram played by an emulator here. */
async function serverRows(
  context: BenchContext,
  runtime: Runtime,
  args: string[],
  repeats: number,
  serverUrl: string,
  redisUrl: string | undefined,
): Promise<Row[]> {
  const name = `lytslot_bench_start_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  const emulator = createEmulator({
    onError: (error) => context.log(`emulator: ${String(error)}`),
  });
  const ids = createSandboxWorld(emulator);
  const { url: apiRoot } = await emulator.listen(0, '127.0.0.1');
  try {
    const start = async () => {
      const httpPort = await freePort();
      const env = {
        ...baseEnv(httpPort),
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl.toString(),
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        BOT_TOKEN: ids.botToken,
        TELEGRAM_API_ROOT: apiRoot,
        PUBLIC_URL: 'https://bench.example.com',
        ADMIN_CHAT_ID: String(ids.adminChatId),
        ADMIN_TELEGRAM_IDS: ids.adminTelegramIds.join(','),
        VERIFY_CHAT_ID: String(ids.verifyChatId),
      };
      return probeStart({
        args,
        cwd: repoRoot,
        env,
        httpPort,
        settleMs,
      });
    };
    const label = redisUrl ? 'PostgreSQL + Redis' : 'PostgreSQL';
    context.log(`start: ${runtime}, ${label}, new database`);
    const first = [await start()];
    const again: StartSample[] = [];
    for (let i = 0; i < repeats; i++) {
      context.log(`start: ${runtime}, ${label}, migrated database (${i + 1}/${repeats})`);
      again.push(await start());
    }
    return [
      { runtime, database: `${label}, new database (token)`, samples: first },
      { runtime, database: `${label}, migrated (token)`, samples: again },
    ];
  } finally {
    await emulator.close();
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function report(
  rows: Row[],
  run: {
    serverUrl: string | undefined;
    redisUrl: string | undefined;
    loadBefore: number[];
    repeats: number;
  },
): BenchReport {
  const med = (row: Row, pick: (s: StartSample) => number | undefined) => {
    const values = row.samples.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  const ms = (value: number | undefined) => (value === undefined ? '-' : num(value));
  const table: Cell[][] = rows.map((row) => [
    row.runtime,
    row.database,
    row.samples.length,
    ms(med(row, (s) => s.readyMs)),
    ms(med(row, (s) => s.cpuMs)),
    ms(med(row, (s) => s.jobsStartedMs)),
    mib(med(row, (s) => s.rssReady) ?? 0),
    mib(med(row, (s) => s.rssSettled) ?? 0),
    mib(med(row, (s) => s.peakRss) ?? 0),
  ]);
  const target = (runtime: Runtime, database: string, readyMs: number, rss?: number) => {
    const row = rows.find(
      (r) =>
        r.runtime === runtime && r.database.startsWith(database) && !r.database.includes('new'),
    );
    if (!row) return `${runtime} ${database}: not measured`;
    const ready = med(row, (s) => s.readyMs) ?? 0;
    const settled = med(row, (s) => s.rssSettled) ?? 0;
    const verdict = ready <= readyMs && (rss === undefined || settled <= rss * 2 ** 20);
    return `${runtime} ${row.database}: ready ${num(ready)} ms (target ≤ ${num(readyMs)}), RSS ${mib(settled)}${rss ? ` (target ≤ ${rss} MiB)` : ''} — ${verdict ? 'met' : 'MISSED'}`;
  };
  const load = (values: number[]) => values.map((l) => l.toFixed(2)).join(' ');
  return {
    title: `one process per start (median of ${run.repeats} for «same data dir» and «migrated»), ready = /readyz 200`,
    columns: [
      'runtime',
      'database',
      'starts',
      'ready ms',
      'cpu ms',
      'jobs started ms',
      'rss ready',
      `rss +${settleMs / 1000} s`,
      'peak rss',
    ],
    rows: table,
    ratios: [
      target('dist', 'PostgreSQL', 3000, 150),
      target('tsx', 'PostgreSQL', 3000, 150),
      target('dist', 'PGlite', 5000),
      target('tsx', 'PGlite', 5000),
    ],
    notes: [
      `load average before ${load(run.loadBefore)}, after ${load(loadavg())} (other work on the machine slows every row; cpu ms is steadier than ready ms)`,
      'PGlite rows run the sandbox (emulator, fake Stripe/YooKassa/QuickChart in-process) as `npm start` does without BOT_TOKEN',
      'PGlite RSS includes its WebAssembly memory: 128 MiB reserved at least, the pages PostgreSQL touched (shared_buffers 16MB, catalogs, the WAL) and the compiled module',
      ...(run.serverUrl
        ? []
        : ['PostgreSQL rows skipped: set TEST_DATABASE_URL (or DATABASE_URL), and REDIS_URL']),
    ],
  };
}
