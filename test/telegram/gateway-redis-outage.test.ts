import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRedis, createRedis } from '../../models/redis.js';
import {
  createOutboundGateway,
  windowKeyPrefix,
  type OutboundGateway,
} from '../../telegram/gateway.js';
import { recordArrivals, startedPeople, type Arrival } from '../helpers/arrivals.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import {
  freePort,
  redisReady,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

/**
 * Five notices "at once" (5 × 37 ms apart, booked 100 ms ahead), with room for a loaded CI machine;
 * waiting on Redis (a 1 s command timeout each) would take five times as long.
 */
const atOnceMs = 2000;

describe.skipIf(!redisServerOrCiError())(
  'the gateway while Redis is away (skipped: no redis-server) — sending goes on in memory',
  () => {
    const log = capturedLogger();
    let port: number;
    let server: RedisServer | undefined;
    let redis: Redis;
    let sandbox: Sandbox;
    let gateway: OutboundGateway;
    let first: number[];
    let arrivals: Arrival[];
    let sent = 0;

    beforeAll(async () => {
      port = await freePort();
      redis = createRedis(`redis://127.0.0.1:${port}`, log.logger);
      sandbox = await startSandbox({ floodLimits: true });
      gateway = createOutboundGateway({
        token: sandbox.token,
        apiRoot: sandbox.apiRoot,
        redis,
        logger: log.logger,
      });
      arrivals = recordArrivals(sandbox, 'notice ');
    });

    afterAll(async () => {
      if (redis) await closeRedis(redis);
      await sandbox?.close();
      await server?.kill();
    });

    /** One notice to each of five new people at once; answers how long until all were delivered. */
    async function noticeFive(people = startedPeople(sandbox, 5)): Promise<number> {
      const started = performance.now();
      await Promise.all(people.map((id) => gateway.api.sendMessage(id, `notice ${(sent += 1)}`)));
      return performance.now() - started;
    }

    it('sends at once while Redis is unreachable, limited in memory, the client saying so once', async () => {
      first = startedPeople(sandbox, 5);
      expect(await noticeFive(first)).toBeLessThan(atOnceMs);
      // Still limited: three more to one person go a second (and the margin) apart.
      await Promise.all([1, 2, 3].map((i) => gateway.api.sendMessage(first[0]!, `notice x${i}`)));
      const times = arrivals.filter((a) => a.chatId === first[0]).map((a) => a.at);
      expect(times).toHaveLength(4);
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
      expect(gateway.stats.redisFallbacks).toBe(8);
      expect(gateway.stats.flood429).toBe(0);
      expect(log.count('Redis unreachable at start')).toBe(1);
    });

    it('shares its limits in Redis once it answers', async () => {
      server = await startRedisServer(port);
      await redisReady(redis, 10_000);
      const fallbacks = gateway.stats.redisFallbacks;
      const people = startedPeople(sandbox, 5);
      await noticeFive(people);
      expect(gateway.stats.redisFallbacks).toBe(fallbacks);
      // The person's window lives in Redis for a second after their notice.
      const chatKey = `${windowKeyPrefix(String(sandbox.bot.id))}chat:${people[0]}`;
      expect(await redis.exists(chatKey)).toBe(1);
    });

    it('a frozen Redis: one wait of the command timeout, then memory; logged once', async () => {
      server!.freeze();
      try {
        // The first call waits out the client's 1 s command timeout; the next ones do not ask.
        expect(await noticeFive()).toBeLessThan(atOnceMs + 1000);
        expect(await noticeFive()).toBeLessThan(atOnceMs);
        expect(await noticeFive()).toBeLessThan(atOnceMs);
      } finally {
        server!.thaw();
      }
      expect(log.count('telegram gateway: Redis failed')).toBe(1);
    });

    it('a killed Redis: notices go on without waiting', async () => {
      await server!.kill();
      server = undefined;
      expect(await noticeFive()).toBeLessThan(atOnceMs);
      expect(await noticeFive()).toBeLessThan(atOnceMs);
    });

    it('delivered every notice exactly once; one warning line per source a minute', () => {
      const texts = arrivals.map((a) => a.text);
      expect(texts).toHaveLength(sent + 3);
      expect(new Set(texts).size).toBe(texts.length);
      expect(gateway.stats.flood429).toBe(0);
      const warnings = log.lines.filter((l) => l.level >= 40).map((l) => l.msg);
      expect(warnings).toEqual([
        'Redis unreachable at start: using in-memory fallbacks until it answers',
        'telegram gateway: Redis failed, limiting in memory (this process)',
      ]);
    });
  },
);
