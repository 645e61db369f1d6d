import type { Redis } from 'ioredis';
import type { Logger } from '../../models/logger.js';
import { createRedisLogGate } from '../../models/redis.js';

/** What @grammyjs/ratelimiter calls on its storage client. */
export interface CounterStore {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

export interface FallbackStoreOptions {
  windowMs: number;
  /** How long a Redis call may take before this update is counted in memory (default 250 ms). */
  timeoutMs?: number;
  /** After a failed call, memory is used without asking Redis for this long (default 5 s). */
  retryAfterMs?: number;
}

/**
 * Window counters in Redis (shared by every process), or in this process's memory while Redis is
 * disconnected, failing or slower than `timeoutMs`: an update never waits on Redis longer than
 * that. Redis is asked again after `retryAfterMs`, and used again as soon as it answers. Each
 * counter's TTL is set with its first increment (one MULTI), so `pexpire` has nothing left to do.
 */
export function createFallbackStore(
  redis: Redis,
  logger: Logger,
  options: FallbackStoreOptions,
): CounterStore {
  const { windowMs, timeoutMs = 250, retryAfterMs = 5000 } = options;
  const memory = createMemoryCounters(windowMs);
  const mayLog = createRedisLogGate();
  // A failure line is logged at most once a minute; each one is answered by one recovery line.
  let failureLogged = false;
  let retryAt = 0;

  const incrInRedis = async (key: string): Promise<number> => {
    const replies = await withTimeout(
      redis.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).exec(),
      timeoutMs,
    );
    const [, counted] = replies ?? [];
    if (!counted || counted[0]) throw counted?.[0] ?? new Error('MULTI discarded');
    return Number(counted[1]);
  };

  return {
    async incr(key) {
      // Disconnected: the client's own log says so; count here without waiting.
      if (redis.status === 'ready' && performance.now() >= retryAt) {
        try {
          const hits = await incrInRedis(key);
          if (failureLogged) logger.info('rate limiter: Redis answers again, counters shared');
          failureLogged = false;
          return hits;
        } catch (err) {
          retryAt = performance.now() + retryAfterMs;
          if (!failureLogged && mayLog()) {
            logger.warn({ err }, 'rate limiter: Redis failed, counting in memory (this process)');
            failureLogged = true;
          }
        }
      }
      return memory.incr(key);
    },
    pexpire: async () => 1,
  };
}

/** Fixed windows per key in memory, the first hit opening the window; expired keys are swept. */
export function createMemoryCounters(windowMs: number) {
  const hits = new Map<string, { count: number; endsAt: number }>();
  let sweptAt = performance.now();
  return {
    incr(key: string): number {
      const now = performance.now();
      if (now - sweptAt >= windowMs) {
        for (const [k, v] of hits) if (v.endsAt <= now) hits.delete(k);
        sweptAt = now;
      }
      const entry = hits.get(key);
      if (!entry || entry.endsAt <= now) {
        hits.set(key, { count: 1, endsAt: now + windowMs });
        return 1;
      }
      entry.count += 1;
      return entry.count;
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
