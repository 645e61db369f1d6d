import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../load/driver.js';
import { mib, num, ratio } from '../report.js';
import type { Benchmark, BenchContext, BenchReport } from '../types.js';
import type { ChildMessage, ChildMode, MemorySnapshot, ParentMessage } from './protocol.js';

const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const messageTimeoutMs = 180_000;

interface SideResult {
  mode: ChildMode;
  startMs: number;
  started: MemorySnapshot;
  loaded: MemorySnapshot;
  result: LoadResult;
}

/**
 * Memory of the all-in-one process (startApp with bot, jobs and http, embedded PGlite, the
 * emulator in-process) against a bare grammY echo bot with the same emulator, each in its own
 * child process, before and after the same number of updates.
 */
export const memoryBenchmark: Benchmark = {
  name: 'memory',
  summary: 'RSS/heap of the all-in-one process vs a bare grammY echo bot, after start and load',
  async run(context: BenchContext): Promise<BenchReport> {
    const load = context.quick ? { users: 20, concurrency: 20 } : { users: 400, concurrency: 100 };
    const sides: SideResult[] = [];
    for (const mode of ['echo', 'lytslot'] as const) {
      context.log(`memory: ${mode} child, ${load.users} users`);
      sides.push(await runChild(mode, load));
    }
    return report(sides as [SideResult, SideResult]);
  },
};

async function runChild(
  mode: ChildMode,
  load: { users: number; concurrency: number },
): Promise<SideResult> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', childScript, mode], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const inbox = createInbox(child, () => output.join('').slice(-4000));
  try {
    const started = await inbox.next('started');
    send(child, { type: 'load', ...load });
    const loaded = await inbox.next('loaded');
    send(child, { type: 'stop' });
    await inbox.next('stopped');
    return {
      mode,
      startMs: started.startMs,
      started: started.memory,
      loaded: loaded.memory,
      result: loaded.result,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function send(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

/** Waits for the child's messages in order; fails on an error message, an early exit or a timeout. */
function createInbox(child: ChildProcess, tail: () => string) {
  const queue: ChildMessage[] = [];
  let wake: (() => void) | undefined;
  let exited: string | undefined;
  child.on('message', (message: ChildMessage) => {
    queue.push(message);
    wake?.();
  });
  child.on('exit', (code, signal) => {
    exited = `child exited (${signal ?? code})`;
    wake?.();
  });
  return {
    async next<T extends ChildMessage['type']>(
      type: T,
    ): Promise<Extract<ChildMessage, { type: T }>> {
      const deadline = performance.now() + messageTimeoutMs;
      for (;;) {
        const message = queue.shift();
        if (message?.type === 'error') throw new Error(`child failed:\n${message.message}`);
        if (message?.type === type) return message as Extract<ChildMessage, { type: T }>;
        if (message) throw new Error(`child sent ${message.type}, expected ${type}`);
        if (exited) throw new Error(`${exited} before "${type}":\n${tail()}`);
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`no "${type}" from the child in ${messageTimeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    },
  };
}

function report([echo, lytslot]: [SideResult, SideResult]): BenchReport {
  const row = (label: string, side: SideResult) => [
    label,
    num(side.startMs),
    mib(side.started.rss),
    mib(side.started.heapUsed),
    mib(side.loaded.rss),
    mib(side.loaded.heapUsed),
    mib(side.loaded.external),
    mib(side.loaded.peakRss),
    num(side.result.rate),
  ];
  const notes = [
    'both children host the emulator and the load driver; heap is after a forced GC; external is mostly PGlite (WebAssembly memory) on the lytslot side',
  ];
  if (lytslot.loaded.metricsRss !== undefined) {
    notes.push(
      `lytslot /metrics lytslot_process_resident_memory_bytes after load: ${mib(lytslot.loaded.metricsRss)}`,
    );
  }
  return {
    title: `one child process each; ${num(lytslot.result.updates)} updates (${num(lytslot.result.users)} new users, ${lytslot.result.concurrency} in flight)`,
    columns: [
      'process',
      'start ms',
      'rss start',
      'heap start',
      'rss loaded',
      'heap loaded',
      'external',
      'peak rss',
      'upd/s (no warm-up)',
    ],
    rows: [row('echo (grammY + emulator)', echo), row('lytslot (startApp all-in-one)', lytslot)],
    ratios: [
      `memory after start: echo ${mib(echo.started.rss)} · lytslot ${mib(lytslot.started.rss)} RSS · ratio ${ratio(lytslot.started.rss, echo.started.rss)}`,
      `memory after load: echo ${mib(echo.loaded.rss)} · lytslot ${mib(lytslot.loaded.rss)} RSS · ratio ${ratio(lytslot.loaded.rss, echo.loaded.rss)}`,
      `heap after load: echo ${mib(echo.loaded.heapUsed)} · lytslot ${mib(lytslot.loaded.heapUsed)} · ratio ${ratio(lytslot.loaded.heapUsed, echo.loaded.heapUsed)}`,
    ],
    notes,
  };
}
