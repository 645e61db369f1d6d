import type { Redis } from 'ioredis';
import type pg from 'pg';
import { createBot } from '../../../bot/index.js';
import type { BotDeps } from '../../../bot/context.js';
import { startBot } from '../../../bot/runner.js';
import { parseConfig } from '../../../config.js';
import { createSystemClock } from '../../../models/clock.js';
import { openDatabase, type Database } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import { closeRedis, createRedis } from '../../../models/redis.js';
import { countApiCalls, type RunningBenchBot } from './echo-bot.js';
import type { RecordedCall, Recording } from './floor-bot.js';
import { createMemoryIntakeStore } from './memory-intake.js';
import { createServerCpu } from './server-cpu.js';
import { createTestDatabase, testServerUrl } from '../../helpers/db.js';
import { testOutbound } from '../../helpers/outbound.js';

/** Our bot under load, with the count of SQL round trips its database has seen so far. */
export interface LytslotBenchBot extends RunningBenchBot {
  /** Statements sent to the database (BEGIN and COMMIT included), each one round trip. */
  roundTrips(): number;
  /** The bot's database (a floor bot reads from the same one). */
  database: Database;
  /** Starts recording the Bot API calls (getUpdates left out); the function stops and returns them. */
  record(): Recording;
  /**
   * On a PostgreSQL server (not PGlite, whose CPU is this process's): starts measuring the CPU its
   * backends spend on this bot's database; the returned function gives the µs spent since.
   */
  serverCpu?: () => Promise<() => Promise<number | undefined>>;
}

/** Where the lytslot side keeps its data: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export function benchBackend(): { database: string; redis: string | undefined } {
  const server = testServerUrl();
  const redis = process.env.REDIS_URL?.trim() || undefined;
  return {
    database: server ? `PostgreSQL at ${new URL(server).host}` : 'PGlite (memory://, in process)',
    redis,
  };
}

/**
 * Counts every query sent on a pooled connection: each checkout (pg-pool's `acquire`) wraps the
 * client's query once. drizzle sends one extended-protocol batch per statement: one round trip.
 */
function countRoundTrips(pool: pg.Pool): () => number {
  let count = 0;
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      count += 1;
      return query(...args);
    };
  });
  return () => count;
}

/** Waits for the client's first connection: until then the bot would use its memory fallbacks. */
async function readyWithin(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready within ${ms} ms`)), ms);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A fresh database: on the test server (a new database on it) or an in-memory PGlite. */
async function benchDatabase(): Promise<Database> {
  if (testServerUrl()) return createTestDatabase();
  return openDatabase({ dataDir: 'memory://', logger: createLogger({ level: 'silent' }) });
}

/**
 * Our bot as main.ts builds it (createBot + startBot) on a fresh database (benchBackend) and, when
 * REDIS_URL is set, with Redis for the rate limiter and the outbound gateway; with
 * `durable: false` its intake keeps updates in memory (the cost of durability left out).
 */
export async function startLytslotBot(
  token: string,
  apiRoot: string,
  options: { durable: boolean } = { durable: true },
): Promise<LytslotBenchBot> {
  const { redis: redisUrl } = benchBackend();
  const parsed = parseConfig({
    BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    LOG_LEVEL: 'silent',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logger = createLogger({ level: 'silent' });
  const database = await benchDatabase();
  const roundTrips = countRoundTrips(database.pool);
  const redis = parsed.value.redisUrl ? createRedis(parsed.value.redisUrl, logger) : undefined;
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger,
    clock: createSystemClock(),
    ...(redis ? { redis } : {}),
    outbound: testOutbound(parsed.value, { logger, ...(redis ? { redis } : {}) }),
  };
  const release = async () => {
    if (redis) await closeRedis(redis);
    await database.close();
  };
  try {
    if (redis) await readyWithin(redis, 5_000);
    const bot = createBot(deps);
    const apiCalls = countApiCalls(bot.api);
    let recorded: RecordedCall[] | undefined;
    bot.api.config.use((prev, method, payload, signal) => {
      if (recorded && method !== 'getUpdates') {
        recorded.push({ method, payload: structuredClone(payload) as Record<string, unknown> });
      }
      return prev(method, payload, signal);
    });
    const running = await startBot(bot, deps, {
      ...(options.durable ? {} : { intake: { store: createMemoryIntakeStore() } }),
    });
    const server = testServerUrl() ? createServerCpu(database) : undefined;
    return {
      roundTrips,
      apiCalls,
      database,
      record() {
        const calls: RecordedCall[] = [];
        recorded = calls;
        const stop = () => {
          recorded = undefined;
          return calls;
        };
        return Object.assign(stop, { peek: () => calls });
      },
      ...(server ? { serverCpu: () => server.measure() } : {}),
      async stop() {
        await running.stop();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
