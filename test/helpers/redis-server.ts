import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** True when a `redis-server` binary is on PATH (CI installs one: .ci/run). */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * hasRedisServer() for a Redis test's skipIf; on CI (REDIS_URL set by .ci/run) a missing binary is
 * an error instead, so those tests never skip there.
 */
export function redisServerOrCiError(): boolean {
  const available = hasRedisServer();
  if (!available && (process.env.CI || process.env.REDIS_URL))
    throw new Error('redis-server is not on PATH, but this is CI (REDIS_URL is set): install it');
  return available;
}

/**
 * A loopback port nothing listens on right now, for a server a test starts later. Taken below
 * Linux's ephemeral range (32768–60999): a port the kernel handed out (listen(0)) is also what it
 * gives the next outgoing connection, and CI once saw a client take it before redis-server bound
 * it («Address already in use»).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const listening = once(server, 'listening').then(() => true);
    const failed = once(server, 'error').then(() => false);
    server.listen(port, '127.0.0.1');
    const free = await Promise.race([listening, failed]);
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/** A throwaway redis-server (no persistence) on 127.0.0.1:`port`, which a test may freeze or kill. */
export interface RedisServer {
  readonly url: string;
  /** SIGSTOP: connections stay open, nothing answers. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
}

export async function startRedisServer(port: number): Promise<RedisServer> {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit');
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Reads one key through a short-lived client of its own (undefined when Redis does not answer). */
export async function readRedisKey(url: string, key: string): Promise<string | null | undefined> {
  const probe = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 500,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return await probe.get(key);
  } catch {
    return undefined;
  } finally {
    probe.disconnect();
  }
}

/** Resolves once `redis` (a createRedis client, connecting in the background) is ready. */
export async function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis client not ready in time')), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
