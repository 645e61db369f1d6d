import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../models/logger.js';
import { closeRedis, createRedis } from '../../models/redis.js';
import type { RateWindow } from '../../telegram/limits.js';
import { reserveScript } from '../../telegram/reserve-script.js';
import { createMemorySchedule, type Reservation } from '../../telegram/schedule.js';
import {
  freePort,
  redisReady,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.js';

const bot: RateWindow = { count: 3, windowMs: 100 };
const privateChat: RateWindow = { count: 1, windowMs: 100 };
const group: RateWindow = { count: 2, windowMs: 400 };

describe.skipIf(!redisServerOrCiError())(
  'the reservation script in Redis (skipped: no redis-server)',
  () => {
    let server: RedisServer;
    let redis: Redis;
    let run = 0;

    beforeAll(async () => {
      server = await startRedisServer(await freePort());
      redis = createRedis(server.url, createLogger({ level: 'silent' }));
      await redisReady(redis);
    });
    afterAll(async () => {
      if (redis) await closeRedis(redis);
      await server?.kill();
    });

    /** The script's answer for one call, as the gateway asks it (keys, then ARGV). */
    async function reserveInRedis(reservation: Reservation, from: number, member: string) {
      const { bot: b, chat } = reservation;
      const keys = chat ? [b.key, chat.key] : [b.key];
      const args = [from, member, b.window.count, b.window.windowMs];
      if (chat) args.push(chat.window.count, chat.window.windowMs);
      return Number(await redis.eval(reserveScript, keys.length, ...keys, ...args));
    }

    it('reserves exactly the times the memory schedule does, for any sequence of calls', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              gapMs: fc.integer({ min: 0, max: 60 }),
              chat: fc.constantFrom(1, 2, 3, -4, -5, 0),
            }),
            { minLength: 1, maxLength: 60 },
          ),
          async (calls) => {
            run += 1;
            const memory = createMemorySchedule();
            let from = 1_000_000;
            for (const [i, { gapMs, chat }] of calls.entries()) {
              from += gapMs;
              const reservation: Reservation = {
                bot: { key: `r${run}:all`, window: bot },
                ...(chat === 0
                  ? {}
                  : {
                      chat: { key: `r${run}:chat:${chat}`, window: chat > 0 ? privateChat : group },
                    }),
              };
              const inRedis = await reserveInRedis(reservation, from, `m${i}`);
              expect(inRedis).toBe(memory.reserve(reservation, from));
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('lets its keys expire 10 s after their windows have passed', async () => {
      const reservation: Reservation = {
        bot: { key: 'ttl:all', window: { count: 1, windowMs: 200 } },
        chat: { key: 'ttl:chat:1', window: { count: 1, windowMs: 300 } },
      };
      const wallNow = Math.round(performance.timeOrigin + performance.now());
      await reserveInRedis(reservation, wallNow, 'only');
      const ttl = { bot: await redis.pttl('ttl:all'), chat: await redis.pttl('ttl:chat:1') };
      expect(ttl.bot).toBeGreaterThan(10_000);
      expect(ttl.bot).toBeLessThanOrEqual(10_200);
      expect(ttl.chat).toBeGreaterThan(10_200);
      expect(ttl.chat).toBeLessThanOrEqual(10_300);
    });
  },
);
