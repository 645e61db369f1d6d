import { Api, type Bot } from 'grammy';
import type { Redis } from 'ioredis';
import type { IntakeUpdate } from '../../models/intake/order-key.js';
import {
  appendUpdates,
  fetcherLeaseKey,
  partitionStats,
  streamLayout,
  type ShardSnapshot,
  type StreamLayout,
} from '../../models/intake/streams.js';
import { closeRedis, createRedis } from '../../models/redis.js';
import type { BotContext, BotDeps } from '../context.js';
import {
  createIntake,
  noteReceived,
  type IntakeMetrics,
  type IntakeOptions,
} from '../intake/index.js';
import { startShardFetcher, type ShardFetcher } from './fetcher.js';
import { startShardWorker, type ShardWorker } from './worker.js';
import { botApiOptions } from '../../telegram/http-fetch.js';

export interface ShardsOptions {
  /** The fetcher role: reads Telegram into the streams (one active process, others standby). */
  fetcher: boolean;
  /** The worker role needs the bot; undefined ⇒ no worker here. */
  worker: { bot: Bot<BotContext>; deps: BotDeps; intake: IntakeOptions } | undefined;
  token: string;
  apiRoot: string;
  redisUrl: string;
  redis: Redis;
  partitions: number;
  logger: BotDeps['logger'];
  metrics?: IntakeMetrics;
  /** Seconds getUpdates long-polls (tests shorten it so a stop is quick). */
  pollTimeoutSeconds?: number;
}

export interface RunningShards {
  readonly layout: StreamLayout;
  /** Appends updates to the partition streams (the webhook's intake with SHARD_SOURCE=webhook). */
  readonly intake: { accept(updates: IntakeUpdate[]): Promise<void> };
  readiness: Record<string, () => Promise<void>>;
  snapshot(): Promise<ShardSnapshot>;
  /** Worker: finishes what it holds (up to 4 s) and hands its partitions back; fetcher: lets go of the lease. */
  stop(): Promise<void>;
}

/** Starts this process's part of sharded mode (docs/bot.md «Sharded runners»). */
export async function startShards(options: ShardsOptions): Promise<RunningShards> {
  const { redis, logger } = options;
  const layout = streamLayout(options.token, options.partitions);
  let fetcher: ShardFetcher | undefined;
  let worker: ShardWorker | undefined;
  let reader: Redis | undefined;
  let sweep: ReturnType<typeof createIntake> | undefined;
  if (options.fetcher) {
    const fetcherLog = logger.child({ part: 'fetcher' });
    fetcher = startShardFetcher({
      api: new Api(options.token, botApiOptions(options.apiRoot)),
      redis,
      layout,
      logger,
      ...(options.pollTimeoutSeconds !== undefined
        ? { pollTimeoutSeconds: options.pollTimeoutSeconds }
        : {}),
      received: (update) => noteReceived(fetcherLog, options.metrics, update),
    });
  }
  if (options.worker) {
    const { bot, deps, intake } = options.worker;
    await bot.init();
    // Blocking reads get a connection of their own.
    reader = createRedis(options.redisUrl, logger);
    worker = startShardWorker(bot, deps, {
      redis,
      reader,
      layout,
      ...(intake.metrics ? { metrics: intake.metrics } : {}),
      ...(intake.retry ? { retry: intake.retry } : {}),
    });
    // Parked updates an admin retries wait in update_intake as pending: the table's sweep runs them.
    sweep = createIntake(bot, deps, intake);
  }
  const log = logger.child({ part: 'intake' });
  return {
    layout,
    intake: {
      async accept(updates) {
        for (const update of await appendUpdates(redis, layout, updates))
          noteReceived(log, options.metrics, update);
      },
    },
    readiness: { redis: async () => void (await redis.ping()) },
    async snapshot() {
      const [partitions, owner] = await Promise.all([
        partitionStats(redis, layout),
        redis.get(fetcherLeaseKey(layout)),
      ]);
      return {
        partitions,
        fetcher: owner,
        fetcherActive: fetcher?.isLeader(),
        owned: worker?.owned(),
      };
    },
    async stop() {
      await fetcher?.stop();
      await worker?.stop(4_000);
      await sweep?.stop(1_000);
      if (reader) await closeRedis(reader);
    },
  };
}
