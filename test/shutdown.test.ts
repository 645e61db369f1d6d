import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownDeadlineMs } from '../shutdown.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const child = fileURLToPath(new URL('./shutdown-child.ts', import.meta.url));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the first signal to the exit. */
  ms: number;
  /** The process that ran installShutdown (under npm: its grandchild). */
  pid: number;
}

/**
 * Runs `command`, waits for the child's "ready <pid>", closes its stdout (the reader is gone, as
 * when a terminal or a log pipe dies), then sends `signals` and times the exit.
 */
function runAndSignal(
  command: string[],
  env: Record<string, string>,
  signals: NodeJS.Signals[] = ['SIGTERM'],
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command[0]!, command.slice(1), {
      cwd: env.CWD ?? root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let signalledAt = 0;
    let pid = 0;
    const killer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    proc.on('error', reject);
    proc.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const ready = /ready (\d+)/.exec(stderr);
      if (!ready || pid) return;
      pid = Number(ready[1]);
      proc.stdout!.destroy();
      setTimeout(() => {
        signalledAt = Date.now();
        for (const signal of signals) proc.kill(signal);
      }, 200);
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(killer);
      if (!pid) return reject(new Error(`child never got ready: ${stderr}`));
      resolve({ code, signal, ms: Date.now() - signalledAt, pid });
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const tsxChild = [process.execPath, '--import', 'tsx', child];

describe('shutdown on a signal (a real process)', () => {
  it('a stop that hangs, stdout closed: exits 1 at the deadline, inside 10 s', async () => {
    const out = await runAndSignal(tsxChild, { SHUTDOWN_STOP: 'hang' });
    expect(out.code).toBe(1);
    expect(out.ms).toBeGreaterThanOrEqual(shutdownDeadlineMs - 100);
    expect(out.ms).toBeLessThan(10_000);
  }, 30_000);

  it('stdout closed while logging (EPIPE): a clean stop exits 0 at once', async () => {
    const out = await runAndSignal(tsxChild, { SHUTDOWN_STOP: 'slow' });
    expect(out.code).toBe(0);
    expect(out.ms).toBeLessThan(3_000);
  }, 30_000);

  it('a second signal exits 1 without waiting for the stop', async () => {
    const out = await runAndSignal(tsxChild, { SHUTDOWN_STOP: 'hang' }, ['SIGTERM', 'SIGINT']);
    expect(out.code).toBe(1);
    expect(out.ms).toBeLessThan(3_000);
  }, 30_000);

  describe('under npm start (npm → sh → node, exec past sh)', () => {
    let dir: string;
    beforeAll(async () => {
      // package.json's own start script, with the child in place of main.ts and the repository's
      // other files (`--import ./…`) by their absolute paths.
      const ours = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      };
      const start = ours.scripts.start.replace('main.ts', child).replaceAll(' ./', ` ${root}`);
      expect(start).not.toBe(ours.scripts.start);
      dir = await mkdtemp(join(tmpdir(), 'lytslot-npm-start-'));
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'npm-start-probe', private: true, scripts: { start } }),
      );
      // `--import tsx` resolves from the working directory, as it does in the repository.
      await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    /** npm in the probe's folder; ports 0, so a start-up port check never meets a busy port. */
    const npmEnv = () => ({
      CWD: dir,
      PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      HTTP_PORT: '0',
      SANDBOX_PORT: '0',
    });

    it('npm forwards SIGTERM to the app (the script execs past sh): npm exits 0, nothing left running', async () => {
      const out = await runAndSignal(['npm', 'start', '--silent'], {
        ...npmEnv(),
        SHUTDOWN_STOP: 'slow',
      });
      expect(out.code).toBe(0);
      expect(out.ms).toBeLessThan(5_000);
      expect(alive(out.pid)).toBe(false);
    }, 30_000);

    it('reads .env from the working directory; a variable set in the environment wins', async () => {
      await writeFile(join(dir, '.env'), 'SHUTDOWN_STOP=hang\nSHUTDOWN_DEADLINE_MS=200\n');
      const env = npmEnv();
      const fromFile = await runAndSignal(['npm', 'start', '--silent'], env);
      expect(fromFile.code).toBe(1);
      expect(fromFile.ms).toBeLessThan(3_000);
      const overridden = await runAndSignal(['npm', 'start', '--silent'], {
        ...env,
        SHUTDOWN_STOP: 'slow',
        SHUTDOWN_DEADLINE_MS: '5000',
      });
      expect(overridden.code).toBe(0);
    }, 60_000);
  });
});
