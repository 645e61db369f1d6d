import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../models/logger.js';
import { closeRedis, createRedis } from '../../models/redis.js';
import { createOutboundGateway, type OutboundGateway } from '../../telegram/gateway.js';
import { busiestWindow, recordArrivals, startedPeople, type Arrival } from '../helpers/arrivals.js';
import {
  freePort,
  redisReady,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../helpers/redis-server.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

/** The group's minute scaled down to 6 s (gateway and emulator alike) to keep the test short. */
const groupWindowMs = 6000;
/**
 * This process is Telegram too: on a loaded CI machine a loopback request can sit 100 ms and more
 * between the gateway and the emulator's receipt, which the margin must cover (production's 100 ms
 * covers network jitter). The limits themselves are Telegram's: 30/s, 1/s per person.
 */
const marginMs = 200;
const privateChats = 50;
const groupMessages = 40;
const total = 500;

describe.skipIf(!redisServerOrCiError())(
  'two gateways sharing Redis against the emulator with flood control (skipped: no redis-server)',
  () => {
    let server: RedisServer;
    let sandbox: Sandbox;
    const clients: Redis[] = [];
    const gateways: OutboundGateway[] = [];
    let arrivals: Arrival[];

    beforeAll(async () => {
      server = await startRedisServer(await freePort());
      sandbox = await startSandbox({
        floodLimits: { group: { capacity: 20, perSecond: 20 / (groupWindowMs / 1000) } },
      });
      const logger = createLogger({ level: 'silent' });
      // Two processes sending as one bot: each its own Redis client and gateway.
      for (let i = 0; i < 2; i++) {
        const redis = createRedis(server.url, logger);
        clients.push(redis);
        gateways.push(
          createOutboundGateway({
            token: sandbox.token,
            apiRoot: sandbox.apiRoot,
            redis,
            logger,
            limits: { perGroup: { count: 20, windowMs: groupWindowMs }, marginMs },
          }),
        );
      }
      await Promise.all(clients.map((c) => redisReady(c)));
      // Connections opened before the clock starts: the first notices are not slowed by setup.
      await Promise.all(gateways.map((g) => g.api.getMe()));
      arrivals = recordArrivals(sandbox, 'notice ');
    });

    afterAll(async () => {
      for (const client of clients) await closeRedis(client);
      await sandbox?.close();
      await server?.kill();
    });

    it('delivers 500 notices to 50 people and a group once each, within every limit, no 429', async () => {
      const people = startedPeople(sandbox, privateChats);
      const group = sandbox.ids.adminChatId;
      // Two notices in every 25 go to the group; the rest round-robin over the people (9 or 10 each).
      let next = 0;
      const targets = Array.from({ length: total }, (_, i) =>
        i % 25 === 0 || i % 25 === 12 ? group : people[next++ % privateChats]!,
      );
      const started = performance.now();
      await Promise.all(
        targets.map((chatId, i) => gateways[i % 2]!.api.sendMessage(chatId, `notice ${i}`)),
      );
      const seconds = (performance.now() - started) / 1000;

      expect(gateways.map((g) => g.stats.flood429)).toEqual([0, 0]);
      expect(gateways.map((g) => g.stats.redisFallbacks)).toEqual([0, 0]);
      expect(arrivals).toHaveLength(total);
      expect(new Set(arrivals.map((a) => a.text)).size).toBe(total);
      expect(arrivals.filter((a) => a.chatId === group)).toHaveLength(groupMessages);

      // Two processes, one budget: 30 a second for the bot, not 30 each.
      expect(
        busiestWindow(
          arrivals.map((a) => a.at),
          1000,
        ),
      ).toBeLessThanOrEqual(30);
      expect(seconds).toBeGreaterThanOrEqual(total / 30 - 1);
      for (const id of people) {
        const times = arrivals.filter((a) => a.chatId === id).map((a) => a.at);
        expect(times.length).toBeGreaterThanOrEqual(9);
        expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(1);
      }
      const groupTimes = arrivals.filter((a) => a.chatId === group).map((a) => a.at);
      expect(busiestWindow(groupTimes, groupWindowMs)).toBeLessThanOrEqual(20);
    }, 45_000);
  },
);
