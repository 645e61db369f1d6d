import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { GrammyError, type Api } from 'grammy';
import type { Redis } from 'ioredis';
import type { IntakeUpdate } from '../../models/intake/order-key.js';
import type { Logger } from '../../models/logger.js';
import {
  appendUpdates,
  ensureGroups,
  fetcherLeaseKey,
  releaseLease,
  renewLease,
  streamBacklog,
  takeLease,
  type StreamLayout,
} from '../../models/intake/streams.js';
import { poll, setBotCommands, sleep } from '../runner.js';

export interface ShardFetcherOptions {
  api: Api;
  redis: Redis;
  layout: StreamLayout;
  logger: Logger;
  /** How long the lease lasts without renewal: a standby takes over within this (+ 1 s). */
  leaseMs?: number;
  /** Long-poll timeout of getUpdates, in seconds. */
  pollTimeoutSeconds?: number;
  /** Fetching pauses while this many updates wait in all partitions together. */
  maxBacklog?: number;
  /** Each update appended (not a redelivery) — /metrics, the payment log line. */
  received?: (update: IntakeUpdate) => void;
}

export interface ShardFetcher {
  readonly id: string;
  /** True while this process holds the fetcher lease (the active one; else a standby). */
  isLeader(): boolean;
  stop(): Promise<void>;
}

/**
 * The fetcher of sharded mode (docs/bot.md «Sharded runners»): exactly one process at a time
 * holds the lease in Redis and long-polls Telegram, appending each batch to the partition streams
 * before the offset moves past it; the others wait as hot standbys and take the lease within
 * leaseMs of the active one dying. Losing the lease (a pause longer than it) aborts the poll at
 * once; an overlap Telegram notices (409) only makes this one step back and try again.
 */
export function startShardFetcher(options: ShardFetcherOptions): ShardFetcher {
  const { api, redis, layout } = options;
  const log = options.logger.child({ part: 'fetcher' });
  const leaseMs = options.leaseMs ?? 8_000;
  const maxBacklog = options.maxBacklog ?? 10_000;
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const key = fetcherLeaseKey(layout);
  const stopping = new AbortController();
  let leadership: AbortController | undefined;
  let validUntil = 0;

  const lose = (why: string) => {
    if (!leadership) return;
    log.warn({ why }, 'fetcher lease lost; standing by');
    leadership.abort();
    leadership = undefined;
  };

  // Renews the lease at a quarter of its length; a lease that could not be renewed in time is lost.
  const renewal = setInterval(() => {
    if (!leadership) return;
    renewLease(redis, key, id, leaseMs).then(
      (held) => {
        if (held) validUntil = performance.now() + leaseMs;
        else lose('another fetcher holds the lease');
      },
      () => {
        if (performance.now() > validUntil - 500) lose('Redis did not answer in time');
      },
    );
  }, leaseMs / 4);

  async function lead(signal: AbortSignal): Promise<void> {
    await ensureGroups(redis, layout);
    // Polling and a webhook exclude each other; pending updates are kept.
    await api.deleteWebhook();
    await setBotCommands(api);
    log.info({ fetcher: id, partitions: layout.partitions }, 'fetcher active');
    await poll(
      api,
      log,
      {
        async accept(updates) {
          const fresh = await appendUpdates(redis, layout, updates);
          for (const update of fresh) options.received?.(update);
        },
        busy: async () => (await streamBacklog(redis, layout)) >= maxBacklog,
      },
      options.pollTimeoutSeconds ?? 30,
      signal,
    );
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let taken = false;
      try {
        taken = await takeLease(redis, key, id, leaseMs);
      } catch {
        // Redis unreachable: try again shortly.
      }
      if (!taken) {
        await sleep(1_000, stopping.signal);
        continue;
      }
      validUntil = performance.now() + leaseMs;
      const current = new AbortController();
      leadership = current;
      try {
        await lead(AbortSignal.any([current.signal, stopping.signal]));
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 409) {
          log.warn('another getUpdates consumer is active (409); stepping back');
        } else if (!current.signal.aborted && !stopping.signal.aborted) {
          log.error({ err: error }, 'fetcher failed; retrying');
        }
      } finally {
        if (leadership === current) leadership = undefined;
        await releaseLease(redis, key, id).catch(() => undefined);
      }
      await sleep(1_000, stopping.signal);
    }
  })();

  return {
    id,
    isLeader: () => leadership !== undefined,
    async stop() {
      stopping.abort();
      clearInterval(renewal);
      await loop;
    },
  };
}
