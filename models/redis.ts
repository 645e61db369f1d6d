import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';

/** Redis is optional: a line about it being unreachable is logged at most this often. */
const redisLogIntervalMs = 60_000;

/**
 * True at most once per `redisLogIntervalMs` (monotonic time, not the platform clock): each
 * source of lines about Redis failing asks its own gate before writing one.
 */
export function createRedisLogGate(): () => boolean {
  let nextAt = -Infinity;
  return () => {
    const now = performance.now();
    if (now < nextAt) return false;
    nextAt = now + redisLogIntervalMs;
    return true;
  };
}

/**
 * Options that keep an outage from stalling callers: no offline queue (a command while
 * disconnected fails at once instead of waiting for the reconnect), commands in flight when the
 * connection drops fail on the first retry, and a reply that does not come within 1 s is an error.
 * Reconnection goes on in the background, every 2 s at most.
 */
export const redisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 1000,
  connectTimeout: 2000,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
} satisfies RedisOptions;

/**
 * The process's ioredis client. It connects in the background and never rejects at start: until
 * Redis answers, its users fall back to memory (say so once); connection errors are logged at
 * most once a minute, and a reconnection once.
 */
export function createRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, redisOptions);
  const mayLog = createRedisLogGate();
  let everReady = false;
  let failureLogged = false;
  let errors = 0;
  redis.on('error', (err: Error) => {
    errors += 1;
    if (!mayLog()) return;
    const message = everReady
      ? 'Redis unavailable: using in-memory fallbacks while reconnecting'
      : 'Redis unreachable at start: using in-memory fallbacks until it answers';
    logger.warn({ err, errors }, message);
    failureLogged = true;
    errors = 0;
  });
  redis.on('ready', () => {
    if (failureLogged) logger.info('Redis connected again');
    everReady = true;
    failureLogged = false;
    errors = 0;
  });
  return redis;
}

/** Closes the client without waiting on a dead connection (QUIT only when connected). */
export async function closeRedis(redis: Redis): Promise<void> {
  try {
    if (redis.status === 'ready') await redis.quit();
  } catch {
    // Closing anyway.
  } finally {
    redis.disconnect();
  }
}
