import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../http/v1/problems.js';
import type { Database } from '../../../models/db.js';
import { closeRedis, createRedis } from '../../../models/redis.js';
import { capturedLogger } from '../../helpers/captured-logger.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';
import {
  freePort,
  redisServerOrCiError,
  startRedisServer,
  type RedisServer,
} from '../../helpers/redis-server.js';
import { startV1World, type ApiAnswer, type V1World } from './world.js';

const limit = 3;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rateHeaders = (answer: ApiAnswer) => ({
  status: answer.status,
  limit: answer.headers.get('ratelimit-limit'),
  remaining: answer.headers.get('ratelimit-remaining'),
});

/** The clock sits 30 s into a minute: the window resets in 30 s. */
function expectRefusedFor30s(answer: ApiAnswer) {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('retry-after')).toBe('30');
  expect(answer.headers.get('ratelimit-reset')).toBe('30');
  expect((answer.body as Problem).type).toMatch(/\/rate-limited$/);
}

describe('rate limit per key, in memory', () => {
  let world: V1World;
  const clock = manualClock(new Date(Date.UTC(2032, 4, 10, 9, 0, 30)));
  beforeAll(async () => {
    world = await startV1World({ database, clock, rateLimit: limit });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('counts each key down in headers, refuses the excess with 429 and Retry-After until the window ends', async () => {
    const { key } = await world.ownerKey();
    const answers: ApiAnswer[] = [];
    for (let i = 0; i <= limit; i++) answers.push(await world.call({ path: '/v1/channels', key }));
    expect(answers.map(rateHeaders)).toEqual([
      { status: 200, limit: '3', remaining: '2' },
      { status: 200, limit: '3', remaining: '1' },
      { status: 200, limit: '3', remaining: '0' },
      { status: 429, limit: '3', remaining: '0' },
    ]);
    expect(answers[0]?.headers.get('ratelimit-reset')).toBe('30');
    expectRefusedFor30s(answers[3]!);
    // Another key has its own count.
    const another = await world.advertiserKey();
    const fresh = await world.call({ path: '/v1/channels', key: another.key });
    expect(rateHeaders(fresh)).toEqual({ status: 200, limit: '3', remaining: '2' });
    clock.add(30_000);
    const next = await world.call({ path: '/v1/channels', key });
    expect(rateHeaders(next)).toEqual({ status: 200, limit: '3', remaining: '2' });
    expect(next.headers.get('ratelimit-reset')).toBe('60');
  });
});

// CI (.ci/run) installs redis-server and sets REDIS_URL: there this must run.
describe.skipIf(!redisServerOrCiError())(
  'rate limit per key, shared through Redis (skipped: no redis-server on PATH)',
  () => {
    let server: RedisServer;
    const log = capturedLogger();
    let redis: ReturnType<typeof createRedis>;
    let first: V1World;
    let second: V1World;

    beforeAll(async () => {
      server = await startRedisServer(await freePort());
      redis = createRedis(server.url, log.logger);
      await once(redis, 'ready');
      // Two processes' routers over one Redis and one database.
      first = await startV1World({ database, redis, rateLimit: limit });
      second = await startV1World({ database, redis, rateLimit: limit });
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
      if (redis) await closeRedis(redis);
      await server?.kill();
    });

    it('counts one key across processes', async () => {
      const { key } = await first.ownerKey();
      const answers = [
        await first.call({ path: '/v1/channels', key }),
        await second.call({ path: '/v1/channels', key }),
        await first.call({ path: '/v1/channels', key }),
        await second.call({ path: '/v1/channels', key }),
      ];
      expect(answers.map(rateHeaders)).toEqual([
        { status: 200, limit: '3', remaining: '2' },
        { status: 200, limit: '3', remaining: '1' },
        { status: 200, limit: '3', remaining: '0' },
        { status: 429, limit: '3', remaining: '0' },
      ]);
      expectRefusedFor30s(answers[3]!);
      expect(log.count('rate limiter: Redis failed')).toBe(0);
    });
  },
);
