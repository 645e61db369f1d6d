import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Database } from '../../models/db.js';
import { bundledScript } from './child-process.js';
import { createTestDatabase } from './db.js';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';
import { startSandbox, type Sandbox, type StartSandboxOptions } from './sandbox.js';

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

/** What sharded processes run against in a test: the emulator, a test database, a redis-server. */
export interface ShardedWorld {
  readonly redisServer: RedisServer;
  /** A client of that server, for looking at the streams. */
  readonly redis: Redis;
  readonly database: Database;
  readonly sandbox: Sandbox;
  /**
   * A process of sharded mode on this world (`env` on top: ROLES at least; TELEGRAM_API_ROOT
   * defaults to the emulator, HTTP_PORT to a free port); killed by close().
   */
  start(env: Record<string, string>): Promise<ShardProcess>;
  /** SIGKILLs the processes started so far (a test that needs a clean bot between steps). */
  killAll(): Promise<void>;
  close(): Promise<void>;
}

export async function startShardedWorld(
  sandboxOptions: StartSandboxOptions = {},
): Promise<ShardedWorld> {
  const [redisServer, database, sandbox] = await Promise.all([
    freePort().then(startRedisServer),
    createTestDatabase(),
    startSandbox(sandboxOptions),
  ]);
  const redis = new Redis(redisServer.url);
  const processes: ShardProcess[] = [];
  const killAll = async () => {
    for (const p of processes.splice(0)) await p.kill();
  };
  return {
    redisServer,
    redis,
    database,
    sandbox,
    async start(env) {
      const p = await startShardProcess({
        BOT_MODE: 'sharded',
        BOT_TOKEN: sandbox.token,
        TELEGRAM_API_ROOT: sandbox.apiRoot,
        DATABASE_URL: database.url,
        REDIS_URL: redisServer.url,
        HTTP_PORT: String(await freePort()),
        ...env,
      });
      processes.push(p);
      return p;
    },
    killAll,
    async close() {
      await killAll();
      redis.disconnect();
      await sandbox.close();
      await redisServer.kill();
      await database.close();
    },
  };
}

/** Lease owners per partition, from a sharded process's /metrics (lytslot_partition_lease). */
export async function leaseOwners(httpUrl: string): Promise<Map<string, string>> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text();
  const owners = new Map<string, string>();
  for (const [, partition, who] of text.matchAll(
    /lytslot_partition_lease\{partition="(\d+)",owner="([^"]+)"\} 1/g,
  ))
    owners.set(partition!, who!);
  return owners;
}
