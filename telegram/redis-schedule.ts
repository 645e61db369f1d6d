import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../models/logger.js';
import { createRedisLogGate } from '../models/redis.js';
import { reserveScript } from './reserve-script.js';
import type { MemorySchedule, Reservation } from './schedule.js';

/** Where a call's time is reserved: shared in Redis, or in this process's memory. */
export interface SharedSchedule {
  /** Reserves the call's time, `from` or later; both on the local clock (`now`). */
  reserve(reservation: Reservation, from: number): Promise<number>;
}

/** The memory schedule alone (no Redis configured): the limits hold for this process. */
export function createLocalSchedule(memory: MemorySchedule): SharedSchedule {
  return { reserve: async (reservation, from) => memory.reserve(reservation, from) };
}

export interface RedisScheduleOptions {
  redis: Redis;
  memory: MemorySchedule;
  logger: Logger;
  /** Monotonic milliseconds on performance.now()'s scale (its origin maps them to wall time). */
  now: () => number;
  /** After a failed call, memory is used without asking Redis for this long (default 5 s). */
  retryAfterMs?: number;
  /** Counts calls that fell back to memory. */
  onFallback?: () => void;
}

/**
 * Reservations made atomically in Redis (reserve-script.ts), so every process sending as the bot
 * shares its limits; each is mirrored in memory. While the client is not connected, or for
 * `retryAfterMs` after a failed call, the memory schedule answers alone: sending never waits on a
 * Redis outage. A failure is logged at most once a minute, its recovery once.
 */
export function createRedisSchedule(options: RedisScheduleOptions): SharedSchedule {
  const { redis, memory, logger, now, retryAfterMs = 5000 } = options;
  // The scripts' time base: wall-clock ms (reserve-script.ts says why not Redis' TIME).
  const origin = performance.timeOrigin;
  const local = createLocalSchedule(memory);
  const sha = createHash('sha1').update(reserveScript).digest('hex');
  const memberPrefix = randomUUID();
  const mayLog = createRedisLogGate();
  let calls = 0;
  let retryAt = -Infinity;
  let failureLogged = false;

  const evalReserve = async (keys: string[], args: (string | number)[]): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return await redis.eval(reserveScript, keys.length, ...keys, ...args);
    }
  };
  const reserveInRedis = async (reservation: Reservation, from: number): Promise<number> => {
    const { bot, chat } = reservation;
    const keys = chat ? [bot.key, chat.key] : [bot.key];
    const wallFrom = Math.round(origin + from);
    const args = [
      wallFrom,
      `${memberPrefix}:${(calls += 1)}`,
      bot.window.count,
      bot.window.windowMs,
    ];
    if (chat) args.push(chat.window.count, chat.window.windowMs);
    const at = Number(await evalReserve(keys, args)) - origin;
    memory.record(reservation, at, now());
    return at;
  };

  return {
    async reserve(reservation, from) {
      if (redis.status === 'ready' && now() >= retryAt) {
        try {
          const at = await reserveInRedis(reservation, from);
          if (failureLogged) logger.info('telegram gateway: Redis answers again, limits shared');
          failureLogged = false;
          return at;
        } catch (err) {
          retryAt = now() + retryAfterMs;
          if (!failureLogged && mayLog()) {
            logger.warn(
              { err },
              'telegram gateway: Redis failed, limiting in memory (this process)',
            );
            failureLogged = true;
          }
        }
      }
      options.onFallback?.();
      return local.reserve(reservation, from);
    },
  };
}
