import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Redis } from 'ioredis';
import { recordParkedUpdate } from '../../models/intake/store.js';
import {
  claimPending,
  ensureGroups,
  finishEntry,
  heartbeatWorker,
  partitionLeaseKey,
  partitionOf,
  readAttempts,
  readNew,
  releaseLease,
  renewLease,
  takeLease,
  writeAttempts,
  type StreamEntry,
  type StreamLayout,
} from '../../models/intake/streams.js';
import type { BotContext, BotDeps } from '../context.js';
import { createBotDispatcher, type IntakeMetrics } from '../intake/index.js';
import type { RetryPolicy } from '../intake/dispatcher.js';
import { createReplyJournal } from '../middleware/reply-journal.js';
import { sleep } from '../runner.js';

export interface ShardWorkerOptions {
  /** Commands (leases, acknowledgements, journal). */
  redis: Redis;
  /** A connection of its own for the blocking reads; its command timeout must exceed blockMs. */
  reader: Redis;
  layout: StreamLayout;
  /** A partition's lease; a dead worker's partitions move on within this (+ a rebalance tick). */
  leaseMs?: number;
  /** Longest wait of one read for new entries. */
  blockMs?: number;
  /** Entries delivered and not acknowledged this long are taken again by the partition's owner. */
  reclaimIdleMs?: number;
  /** Reading pauses while this many updates are accepted here and not finished. */
  maxBacklog?: number;
  retry?: RetryPolicy;
  metrics?: IntakeMetrics;
}

export interface ShardWorker {
  readonly id: string;
  /** Partitions this worker owns now. */
  owned(): number[];
  /** Stops reading, finishes what it holds (up to timeoutMs), hands its partitions back. */
  stop(timeoutMs: number): Promise<boolean>;
}

interface Partition {
  /** Stops being read; its lease is released once nothing of it is in flight. */
  releasing: boolean;
  /** Updates of it accepted and not finished here. */
  inFlight: number;
  /** Its previous owner's pending entries were claimed (read nothing new before). */
  takenOver: boolean;
}

/**
 * A worker of sharded mode (docs/bot.md «Sharded runners»). Workers share the partitions through
 * leases in Redis: each takes a fair share (partitions ÷ live workers), reads its partitions
 * through the consumer group, hands each update to the same dispatcher as the single-process
 * intake (per-chat order, retries, parking) and acknowledges it only after handling. A partition
 * it takes over starts with the entries its previous owner left unacknowledged, oldest first; a
 * worker that joins gets partitions handed over once their updates in flight are finished.
 */
export function startShardWorker(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: ShardWorkerOptions,
): ShardWorker {
  const { redis, reader, layout } = options;
  const log = deps.logger.child({ part: 'worker' });
  const leaseMs = options.leaseMs ?? 10_000;
  const blockMs = options.blockMs ?? 500;
  const reclaimIdleMs = options.reclaimIdleMs ?? 30_000;
  const maxBacklog = options.maxBacklog ?? 1_000;
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const owned = new Map<number, Partition>();
  const entries = new Map<number, StreamEntry>();
  /** Updates that may have been handled before (taken over, or retried here): their journal is read. */
  const redelivered = new Set<number>();
  const journal = createReplyJournal(redis, layout.prefix);
  const stopping = new AbortController();
  let live: string[] = [id];
  let leasesValidUntil = 0;

  const entryOf = (updateId: number) => {
    const entry = entries.get(updateId);
    if (!entry) throw new Error(`update ${updateId} is not held by this worker`);
    return entry;
  };
  // The journal is forgotten only once the acknowledgement is known to have happened, in a
  // second round trip: were it deleted in the same transaction, an acknowledgement Redis carried
  // out while its answer was lost (a stall, a cut connection) would leave the update to be run
  // again with no journal, and its replies sent twice (test/bot/shards/worker.test.ts, the
  // Redis outage, caught exactly that).
  const finished = async (updateId: number) => {
    await finishEntry(redis, layout, entryOf(updateId));
    await journal.forget(updateId).catch(() => undefined);
  };
  const dispatcher = createBotDispatcher(bot, deps, {
    logger: log,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    store: {
      complete: finished,
      async fail(updateId, failure) {
        const entry = entryOf(updateId);
        redelivered.add(updateId);
        if (!failure.park) return writeAttempts(redis, layout, updateId, failure.attempts);
        await recordParkedUpdate(deps.database, {
          update: entry.update,
          orderKey: entry.orderKey,
          attempts: failure.attempts,
          error: failure.error,
        });
        await finishEntry(redis, layout, entry);
      },
    },
    handle: (update) => {
      const again = redelivered.has(update.update_id);
      redelivered.add(update.update_id);
      return journal.run(update.update_id, again, () =>
        bot.handleUpdate(update as unknown as Update),
      );
    },
  });

  /**
   * Entries read or claimed and not handed to the dispatcher yet: kept until they are (their
   * attempt counts come from Redis, which may fail), so a failure never strands one in this
   * consumer's pending list, and a chat's entries keep their order.
   */
  const waiting: { entry: StreamEntry; takenOver: boolean }[] = [];

  async function dispatch(batch: StreamEntry[], takenOver: boolean): Promise<void> {
    for (const entry of batch) waiting.push({ entry, takenOver });
    const fresh = waiting.filter(({ entry }) => !entries.has(entry.update.update_id));
    if (fresh.length > 0) {
      const attempts = await readAttempts(
        redis,
        layout,
        fresh.map(({ entry }) => entry.update.update_id),
      );
      fresh.forEach(({ entry, takenOver: again }, i) => start(entry, attempts[i] ?? 0, again));
    }
    waiting.length = 0;
  }

  function start(entry: StreamEntry, attempts: number, takenOver: boolean): void {
    const updateId = entry.update.update_id;
    const partition = owned.get(entry.partition);
    if (!partition) return; // lost meanwhile: its new owner reclaims the entry
    entries.set(updateId, entry);
    if (takenOver || attempts > 0) redelivered.add(updateId);
    partition.inFlight += 1;
    void dispatcher
      .run({ update: entry.update, attempts, orderKey: entry.orderKey })
      .finally(() => {
        partition.inFlight -= 1;
        // Still held when the dispatcher stopped first: the entry stays pending in its stream.
        entries.delete(updateId);
        redelivered.delete(updateId);
      });
  }

  /** Heartbeat and lease renewal at a third of the lease; a lease not renewed in time is dropped. */
  async function renew(): Promise<void> {
    try {
      live = await heartbeatWorker(redis, layout, id, leaseMs);
      for (const partition of [...owned.keys()]) {
        const held = await renewLease(redis, partitionLeaseKey(layout, partition), id, leaseMs);
        if (!held) {
          log.warn({ partition }, 'partition lease lost to another worker');
          owned.delete(partition);
        }
      }
      leasesValidUntil = performance.now() + leaseMs;
    } catch (error) {
      if (performance.now() > leasesValidUntil - 1_000 && owned.size > 0) {
        log.warn({ err: error }, 'partition leases could not be renewed; stopping reads');
        owned.clear();
      }
    }
  }

  /** Takes free partitions up to the fair share, hands back the ones above it. */
  async function rebalance(): Promise<void> {
    const share = Math.ceil(layout.partitions / Math.max(1, live.length));
    const active = [...owned].filter(([, p]) => !p.releasing).map(([n]) => n);
    const surplus = active.sort((a, b) => b - a).slice(0, Math.max(0, active.length - share));
    for (const partition of surplus) owned.get(partition)!.releasing = true;
    for (const [partition, state] of owned) {
      if (!state.releasing || state.inFlight > 0) continue;
      owned.delete(partition);
      await releaseLease(redis, partitionLeaseKey(layout, partition), id);
      log.info({ partition }, 'partition handed back');
    }
    if (active.length >= share) return;
    // Each worker starts looking at its own place, so joiners don't all race for partition 0.
    const start = partitionOf(id, layout.partitions);
    for (let i = 0; i < layout.partitions && owned.size < share; i++) {
      const partition = (start + i) % layout.partitions;
      if (owned.has(partition)) continue;
      if (!(await takeLease(redis, partitionLeaseKey(layout, partition), id, leaseMs))) continue;
      owned.set(partition, { releasing: false, inFlight: 0, takenOver: false });
    }
  }

  /** A partition just taken starts with what its previous owner left unacknowledged, oldest first. */
  async function takeOverPending(): Promise<void> {
    for (const [partition, state] of owned) {
      if (state.takenOver) continue;
      const pending = await claimPending(redis, layout, id, partition);
      if (pending.length > 0)
        log.info({ partition, count: pending.length }, 'took over pending updates');
      await dispatch(pending, true);
      state.takenOver = true;
    }
  }

  /** Entries of owned partitions delivered long ago and never acknowledged (a read that raced a lease). */
  async function reclaimIdle(): Promise<void> {
    for (const [partition, state] of owned) {
      if (state.releasing) continue;
      const stale = await claimPending(redis, layout, id, partition, reclaimIdleMs);
      await dispatch(stale, true);
    }
  }

  const renewal = setInterval(() => void renew(), leaseMs / 3);
  const loop = (async () => {
    let groupsReady = false;
    let recheckOwn = true;
    let nextRebalance = 0;
    let nextReclaim = performance.now() + reclaimIdleMs;
    while (!stopping.signal.aborted) {
      try {
        // Redis may not answer yet at start (or be down): nothing is read until it does.
        if (!groupsReady) {
          await ensureGroups(redis, layout);
          groupsReady = true;
          await renew();
        }
        if (performance.now() >= nextRebalance) {
          await rebalance();
          nextRebalance = performance.now() + 1_000;
        }
        if (performance.now() >= nextReclaim) {
          await reclaimIdle();
          nextReclaim = performance.now() + reclaimIdleMs / 3;
        }
        if (waiting.length > 0) await dispatch([], false);
        await takeOverPending();
        const readable = [...owned].filter(([, p]) => !p.releasing).map(([n]) => n);
        if (readable.length === 0 || entries.size >= maxBacklog) {
          await sleep(readable.length === 0 ? 200 : 20, stopping.signal);
          continue;
        }
        if (recheckOwn) {
          // After a failure: what Redis delivered to this worker whose answer never arrived here.
          for (;;) {
            const own = await readNew(reader, layout, id, readable, {
              count: 1_000,
              blockMs,
              own: true,
            });
            const fresh = own.filter((entry) => !entries.has(entry.update.update_id));
            await dispatch(fresh, true);
            if (fresh.length === 0 || own.length < 1_000) break;
          }
          recheckOwn = false;
        }
        const batch = await readNew(reader, layout, id, readable, { count: 100, blockMs });
        await dispatch(batch, false);
      } catch (error) {
        recheckOwn = true;
        if (stopping.signal.aborted) break;
        log.warn({ err: error }, 'reading the intake streams failed; retrying');
        await sleep(1_000, stopping.signal);
      }
    }
  })();

  return {
    id,
    owned: () => [...owned.keys()].sort((a, b) => a - b),
    async stop(timeoutMs) {
      stopping.abort();
      clearInterval(renewal);
      await loop;
      const drained = await dispatcher.stop(timeoutMs);
      // What is left stays pending in its stream; the partition's next owner takes it over.
      for (const partition of owned.keys()) {
        await releaseLease(redis, partitionLeaseKey(layout, partition), id).catch(() => undefined);
      }
      owned.clear();
      await heartbeatWorker(redis, layout, id, 0).catch(() => undefined);
      return drained;
    },
  };
}
