import { spawn, type ChildProcess } from 'node:child_process';
import { bundledScript } from './child-process.js';

const child = new URL('../e2e/sharded-child.ts', import.meta.url);

/** A fetcher or worker process of sharded mode (test/e2e/sharded-child.ts). */
export interface ShardProcess {
  readonly proc: ChildProcess;
  readonly httpUrl: string;
  readonly exited: Promise<void>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: finish, hand back), and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts one process of sharded mode with `env` on top of this one's; resolves once it is ready. */
export async function startShardProcess(env: Record<string, string>): Promise<ShardProcess> {
  const proc = spawn(process.execPath, [await bundledScript(child)], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const httpUrl = await Promise.race([
    new Promise<string>((resolve) => {
      let out = '';
      proc.stdout?.on('data', (data: Buffer) => {
        out += data.toString();
        const ready = /ready (\S*)\n/.exec(out);
        if (ready) resolve(ready[1] ?? '');
      });
    }),
    exited.then(() => {
      throw new Error(`the ${env.ROLES ?? ''} process exited with code ${proc.exitCode} at start`);
    }),
  ]);
  const signal = async (name: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(name);
    await exited;
  };
  return {
    proc,
    httpUrl,
    exited,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
