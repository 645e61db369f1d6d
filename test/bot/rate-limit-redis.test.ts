import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimit } from '../../bot/middleware/rate-limit.js';
import { createFallbackStore } from '../../bot/middleware/rate-limit-store.js';
import { closeRedis, createRedis } from '../../models/redis.js';
import {
  freePort,
  hasRedisServer,
  readRedisKey,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import type { TestUser } from '../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from './harness.js';

const hint = 'Use the menu or /help';
/** "Within a couple of seconds", with room for a loaded CI machine (a stall never answers). */
const answerWithinMs = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('rate-limit counters without Redis', () => {
  it('count in memory per window while the client is disconnected, without waiting on it', async () => {
    const { logger } = capturedLogger();
    const redis = createRedis(`redis://127.0.0.1:${await freePort()}`, logger);
    try {
      const store = createFallbackStore(redis, logger, { windowMs: 300 });
      const started = performance.now();
      expect([await store.incr('k'), await store.incr('k'), await store.incr('other')]).toEqual([
        1, 2, 1,
      ]);
      expect(performance.now() - started).toBeLessThan(100);
      await sleep(350);
      expect(await store.incr('k')).toBe(1);
    } finally {
      await closeRedis(redis);
    }
  });
});

// CI (.ci/run) installs redis-server and sets REDIS_URL: there the outage test must run.
const redisServerAvailable = hasRedisServer();
if (!redisServerAvailable && (process.env.CI || process.env.REDIS_URL))
  throw new Error('redis-server is not on PATH, but this is CI (REDIS_URL is set): install it');

describe.skipIf(!redisServerAvailable)(
  'Redis outage (skipped: no redis-server on PATH) — the bot keeps answering',
  () => {
    const log = capturedLogger();
    let port: number;
    let url: string;
    let server: RedisServer | undefined;
    let redis: Redis;
    let h: BotHarness;
    let connectionErrors = 0;

    beforeAll(async () => {
      port = await freePort();
      url = `redis://127.0.0.1:${port}`;
      redis = createRedis(url, log.logger);
      redis.on('error', () => void (connectionErrors += 1));
      h = await startBotHarness({ adminChat: false, logger: log.logger, redis });
      // Warm up (first queries, code paths) so the timings below measure Redis handling only.
      await fiveUsersAnswered(10_000);
    });

    afterAll(async () => {
      await h?.close();
      if (redis) await closeRedis(redis);
      await server?.kill();
    });

    /** Five users write at once; each gets the bot's answer. Returns the time it took (ms). */
    async function fiveUsersAnswered(timeoutMs = answerWithinMs): Promise<number> {
      const users = Array.from({ length: 5 }, (_, i) => h.sandbox.user({ first_name: `U${i}` }));
      const started = performance.now();
      for (const user of users) user.send('hello');
      await Promise.all(users.map((u) => u.waitForMessage(hint, { timeoutMs })));
      return performance.now() - started;
    }

    /** A user writes until their counter shows up in Redis (the limiter uses Redis again). */
    async function countedInRedis(user: TestUser): Promise<void> {
      await until(
        async () => {
          user.send('ping');
          await user.waitForMessage(hint, { timeoutMs: 5000 });
          return Number(await readRedisKey(url, rateLimit.keyPrefix + user.id)) > 0;
        },
        12_000,
        `user ${user.id}'s counter in Redis`,
      );
    }

    it('starts while Redis is down and answers at once, saying so once', async () => {
      await until(() => connectionErrors >= 3, 5000, 'reconnection attempts');
      expect(await fiveUsersAnswered()).toBeLessThan(answerWithinMs);
      expect(log.count('Redis unreachable at start')).toBe(1);
    });

    it('counts in Redis once it comes up', async () => {
      server = await startRedisServer(port);
      const ann = h.sandbox.user({ first_name: 'Ann' });
      await countedInRedis(ann);
      const before = Number(await readRedisKey(url, rateLimit.keyPrefix + ann.id));
      ann.send('again');
      await ann.waitForMessage(hint);
      expect(Number(await readRedisKey(url, rateLimit.keyPrefix + ann.id))).toBe(before + 1);
      // The window's TTL comes with the first hit: the counter starts over after it.
      const store = createFallbackStore(redis, log.logger, { windowMs: 300 });
      expect([await store.incr('test:window'), await store.incr('test:window')]).toEqual([1, 2]);
      await sleep(350);
      expect(await readRedisKey(url, 'test:window')).toBeNull();
      expect(await store.incr('test:window')).toBe(1);
    });

    it('a frozen Redis (no answers): 5 users answered within 3 s; used again once it answers', async () => {
      server!.freeze();
      try {
        expect(await fiveUsersAnswered()).toBeLessThan(answerWithinMs);
        expect(await fiveUsersAnswered()).toBeLessThan(answerWithinMs);
      } finally {
        server!.thaw();
      }
      await countedInRedis(h.sandbox.user({ first_name: 'Bob' }));
      expect(log.count('rate limiter: Redis failed')).toBe(1);
      expect(log.count('rate limiter: Redis answers again')).toBe(1);
    });

    it('a killed Redis: 5 users answered within 3 s; a restarted one is used again', async () => {
      await server!.kill();
      await until(() => redis.status !== 'ready', 2000, 'the client to notice');
      expect(await fiveUsersAnswered()).toBeLessThan(answerWithinMs);
      expect(await fiveUsersAnswered()).toBeLessThan(answerWithinMs);
      server = await startRedisServer(port);
      await countedInRedis(h.sandbox.user({ first_name: 'Cy' }));
    });

    it('logged at most one line a minute about Redis per source, though it failed many times', () => {
      // More failures than lines: every reconnection attempt while it was down or killed failed.
      expect(connectionErrors).toBeGreaterThanOrEqual(3);
      const warnings = log.lines.filter((l) => l.level >= 40 && /Redis/.test(l.msg));
      expect(warnings.map((l) => l.msg)).toEqual([
        'Redis unreachable at start: using in-memory fallbacks until it answers',
        'rate limiter: Redis failed, counting in memory (this process)',
      ]);
    });
  },
);
