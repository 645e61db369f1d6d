import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** One start of the app in its own process, measured from outside (Linux /proc). */
export interface StartSample {
  /** From spawn to the first 200 of /readyz (every readiness check passing). */
  readyMs: number;
  /** CPU the process used up to ready (user + system), ms. */
  cpuMs: number;
  /** From spawn to the app's «jobs started» and «started» log lines, when it logged them. */
  jobsStartedMs: number | undefined;
  startedMs: number | undefined;
  /** Resident memory at ready, after settleMs, and the peak (bytes). */
  rssReady: number;
  rssSettled: number;
  peakRss: number;
}

export interface StartCommand {
  /** Node's arguments, e.g. ['dist/main.js'] or ['--import', 'tsx', 'main.ts']. */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  httpPort: number;
  /** How long to let the first jobs run (ANALYZE, the event dispatcher) before the second reading. */
  settleMs: number;
  timeoutMs?: number;
}

/** Linux reports utime/stime in clock ticks of 1/100 s (sysconf(_SC_CLK_TCK) on every usual kernel). */
const ticksPerSecond = 100;

async function procStatus(pid: number): Promise<{ rss: number; peakRss: number }> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]);
  return { rss: kib('VmRSS') * 1024, peakRss: kib('VmHWM') * 1024 };
}

async function procCpuMs(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Log lines are pino JSON (stdout is a pipe): the epoch ms of the first line with each message. */
function createLogClock(messages: readonly string[]) {
  const seen = new Map<string, number>();
  let partial = '';
  return {
    feed(chunk: string) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; time?: number };
          if (entry.msg && entry.time && messages.includes(entry.msg) && !seen.has(entry.msg))
            seen.set(entry.msg, entry.time);
        } catch {
          // not a log line
        }
      }
    },
    at: (message: string) => seen.get(message),
  };
}

/**
 * Spawns node with the command, polls /readyz every 20 ms until it answers 200, reads the
 * process's RSS and CPU, waits settleMs, reads RSS again, then stops it with SIGTERM.
 */
export async function probeStart(command: StartCommand): Promise<StartSample> {
  const timeoutMs = command.timeoutMs ?? 120_000;
  const output: string[] = [];
  const logClock = createLogClock(['jobs started', 'started']);
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  child.stdout.on('data', (chunk: Buffer) => {
    output.push(chunk.toString());
    logClock.feed(chunk.toString());
  });
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const tail = () => output.join('').slice(-3000);
  try {
    const pid = child.pid;
    if (pid === undefined) throw new Error('the process did not start');
    const readyz = `http://127.0.0.1:${command.httpPort}/readyz`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${tail()}`);
      if (performance.now() - started > timeoutMs)
        throw new Error(`not ready in ${timeoutMs} ms:\n${tail()}`);
      const ok = await fetch(readyz, { signal: AbortSignal.timeout(5000) }).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) break;
      await sleep(20);
    }
    const readyMs = performance.now() - started;
    const cpuMs = await procCpuMs(pid);
    const atReady = await procStatus(pid);
    await sleep(command.settleMs);
    const settled = await procStatus(pid);
    const since = (message: string) => {
      const at = logClock.at(message);
      return at === undefined ? undefined : at - spawnedAt;
    };
    return {
      readyMs,
      cpuMs,
      jobsStartedMs: since('jobs started'),
      startedMs: since('started'),
      rssReady: atReady.rss,
      rssSettled: settled.rss,
      peakRss: settled.peakRss,
    };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
  }
}
