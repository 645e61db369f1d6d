import type { Redis } from 'ioredis';
import { orderKeyOf, type IntakeUpdate } from './order-key.js';

/**
 * The durable intake's Redis form when the bot runs sharded (docs/bot.md «Sharded runners»):
 * one stream per partition, an update in the partition of its order key (its chat), a consumer
 * group `workers` on each. An entry leaves its stream (XACK + XDEL) only after it was handled, so
 * a stream's length is its backlog. Telegram may redeliver an update: a `seen` key per update id,
 * set in the same script as the XADD, keeps a redelivery out.
 */
export interface StreamLayout {
  /** Key prefix of this bot's streams, leases and journals: `lytslot:bot:<bot id>:`. */
  prefix: string;
  partitions: number;
}

export const consumerGroup = 'workers';
/** Telegram redelivers an unacknowledged update for up to 24 h; the seen mark outlives that. */
const seenTtlSeconds = 48 * 3600;

export function streamLayout(botToken: string, partitions: number): StreamLayout {
  const botId = botToken.split(':')[0] ?? 'bot';
  return { prefix: `lytslot:bot:${botId}:`, partitions };
}

export const streamKey = (layout: StreamLayout, partition: number) =>
  `${layout.prefix}updates:${partition}`;
export const attemptsKey = (layout: StreamLayout) => `${layout.prefix}attempts`;
export const fetcherLeaseKey = (layout: StreamLayout) => `${layout.prefix}lease:fetcher`;
export const partitionLeaseKey = (layout: StreamLayout, partition: number) =>
  `${layout.prefix}lease:partition:${partition}`;
export const workersKey = (layout: StreamLayout) => `${layout.prefix}workers`;

/** FNV-1a of the order key: a chat always lands in the same partition. */
export function partitionOf(orderKey: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderKey.length; i++) {
    hash ^= orderKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

/** SET seen NX, and only when it was new XADD: one script, so neither happens without the other. */
const appendScript = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('XADD', KEYS[2], '*', 'id', ARGV[2], 'key', ARGV[3], 'update', ARGV[4])
  return 1
end
return 0`;

/** Extends a lease only while this owner holds it. */
const renewScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Drops a lease only while this owner holds it. */
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Marks a worker alive until now + ttl on Redis's clock, forgets the expired ones, counts the live. */
const heartbeatScript = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
if ARGV[2] ~= '0' then
  redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[1])
else
  redis.call('ZREM', KEYS[1], ARGV[1])
end
return redis.call('ZRANGE', KEYS[1], 0, -1)`;

/**
 * Appends a batch of updates (in update_id order) to their partitions; resolves once Redis took
 * every one (only then may they be acknowledged to Telegram). Returns those that were new.
 */
export async function appendUpdates(
  redis: Redis,
  layout: StreamLayout,
  updates: IntakeUpdate[],
): Promise<IntakeUpdate[]> {
  if (updates.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const update of updates) {
    const key = orderKeyOf(update);
    pipeline.eval(
      appendScript,
      2,
      `${layout.prefix}seen:${update.update_id}`,
      streamKey(layout, partitionOf(key, layout.partitions)),
      seenTtlSeconds,
      update.update_id,
      key,
      JSON.stringify(update),
    );
  }
  const results = (await pipeline.exec()) ?? [];
  const fresh: IntakeUpdate[] = [];
  results.forEach(([error, result], i) => {
    if (error) throw error;
    if (result === 1) fresh.push(updates[i]!);
  });
  return fresh;
}

/** Creates the consumer group on every partition's stream (and the stream), once per start. */
export async function ensureGroups(redis: Redis, layout: StreamLayout): Promise<void> {
  for (let p = 0; p < layout.partitions; p++) {
    try {
      await redis.xgroup('CREATE', streamKey(layout, p), consumerGroup, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }
}

/** An update read from a partition's stream. */
export interface StreamEntry {
  partition: number;
  entryId: string;
  orderKey: string;
  update: IntakeUpdate;
}

type RawEntry = [id: string, fields: string[] | null] | null;

function toEntry(partition: number, raw: RawEntry): StreamEntry | undefined {
  // An entry deleted meanwhile: nil (XAUTOCLAIM) or an id without fields (a consumer's own history).
  if (!raw?.[1]) return undefined;
  const [entryId, fields] = raw as [string, string[]];
  const field = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
  return {
    partition,
    entryId,
    orderKey: field('key'),
    update: JSON.parse(field('update')) as IntakeUpdate,
  };
}

/**
 * New entries of the given partitions for this consumer (XREADGROUP `>`), waiting up to blockMs;
 * with `own`, instead the entries already delivered to this consumer and not acknowledged (its
 * history: a read whose answer timed out here may still have been carried out by Redis).
 * Needs a connection of its own (it blocks) whose command timeout exceeds blockMs.
 */
export async function readNew(
  redis: Redis,
  layout: StreamLayout,
  consumer: string,
  partitions: number[],
  options: { count: number; blockMs: number; own?: boolean },
): Promise<StreamEntry[]> {
  if (partitions.length === 0) return [];
  const keys = partitions.map((p) => streamKey(layout, p));
  // The typed xreadgroup (its reply is [key, entries] pairs; a raw call's differs) with the
  // arguments built at run time.
  const xreadgroup = redis.xreadgroup.bind(redis) as unknown as (
    ...args: (string | number)[]
  ) => Promise<unknown>;
  const reply = (await xreadgroup(
    'GROUP',
    consumerGroup,
    consumer,
    'COUNT',
    options.count,
    ...(options.own ? [] : ['BLOCK', options.blockMs]),
    'STREAMS',
    ...keys,
    ...keys.map(() => (options.own ? '0' : '>')),
  )) as [string, RawEntry[]][] | null;
  const entries: StreamEntry[] = [];
  for (const [key, raws] of reply ?? []) {
    const partition = partitions[keys.indexOf(key)] ?? -1;
    for (const raw of raws) {
      const entry = toEntry(partition, raw);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}

/**
 * The entries of a partition delivered and not acknowledged (a dead or departed worker's), idle at
 * least minIdleMs, moved to this consumer (XAUTOCLAIM from the start; the caller holds the
 * partition's lease, so no one else is handling them), in stream order.
 */
export async function claimPending(
  redis: Redis,
  layout: StreamLayout,
  consumer: string,
  partition: number,
  minIdleMs = 0,
): Promise<StreamEntry[]> {
  const entries: StreamEntry[] = [];
  let cursor = '0-0';
  do {
    const [next, raws] = (await redis.xautoclaim(
      streamKey(layout, partition),
      consumerGroup,
      consumer,
      minIdleMs,
      cursor,
      'COUNT',
      200,
    )) as [string, RawEntry[], ...unknown[]];
    for (const raw of raws) {
      const entry = toEntry(partition, raw);
      if (entry) entries.push(entry);
    }
    cursor = next;
  } while (cursor !== '0-0');
  return entries;
}

/** The entry was handled (or parked elsewhere): it leaves the stream and its attempt count. */
export async function finishEntry(
  redis: Redis,
  layout: StreamLayout,
  entry: Pick<StreamEntry, 'partition' | 'entryId' | 'update'>,
): Promise<void> {
  const key = streamKey(layout, entry.partition);
  const results = await redis
    .multi()
    .xack(key, consumerGroup, entry.entryId)
    .xdel(key, entry.entryId)
    .hdel(attemptsKey(layout), String(entry.update.update_id))
    .exec();
  if (!results) throw new Error('the intake stream transaction was aborted');
  for (const [error] of results) if (error) throw error;
}

/** Failed attempts so far of each update (kept across workers: a crash does not reset them). */
export async function readAttempts(
  redis: Redis,
  layout: StreamLayout,
  updateIds: number[],
): Promise<number[]> {
  if (updateIds.length === 0) return [];
  const values = await redis.hmget(attemptsKey(layout), ...updateIds.map(String));
  return values.map((v) => Number(v ?? 0));
}

export async function writeAttempts(
  redis: Redis,
  layout: StreamLayout,
  updateId: number,
  attempts: number,
): Promise<void> {
  await redis.hset(attemptsKey(layout), String(updateId), attempts);
}

/** Takes a free lease (SET NX PX); true when this owner holds it now. */
export async function takeLease(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  return (await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK';
}

/** Extends the lease if this owner still holds it; false when it was lost. */
export async function renewLease(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  return (await redis.eval(renewScript, 1, key, owner, ttlMs)) === 1;
}

export async function releaseLease(redis: Redis, key: string, owner: string): Promise<void> {
  await redis.eval(releaseScript, 1, key, owner);
}

/** Heartbeat of a worker (ttlMs 0: leaving); returns the live workers, sorted. */
export async function heartbeatWorker(
  redis: Redis,
  layout: StreamLayout,
  worker: string,
  ttlMs: number,
): Promise<string[]> {
  const live = (await redis.eval(
    heartbeatScript,
    1,
    workersKey(layout),
    worker,
    ttlMs,
  )) as string[];
  return [...live].sort();
}

/** Entries waiting in all partitions together (the sum of the stream lengths): the fetcher's backlog. */
export async function streamBacklog(redis: Redis, layout: StreamLayout): Promise<number> {
  const pipeline = redis.pipeline();
  for (let p = 0; p < layout.partitions; p++) pipeline.xlen(streamKey(layout, p));
  let total = 0;
  for (const [error, length] of (await pipeline.exec()) ?? []) {
    if (error) throw error;
    total += Number(length ?? 0);
  }
  return total;
}

/** Per partition: entries waiting (stream length) and delivered-not-acknowledged (pending), and its lease owner. */
export async function partitionStats(
  redis: Redis,
  layout: StreamLayout,
): Promise<{ partition: number; length: number; pending: number; owner: string | null }[]> {
  const pipeline = redis.pipeline();
  for (let p = 0; p < layout.partitions; p++) {
    pipeline.xlen(streamKey(layout, p));
    pipeline.xpending(streamKey(layout, p), consumerGroup);
    pipeline.get(partitionLeaseKey(layout, p));
  }
  const results = (await pipeline.exec()) ?? [];
  const stats = [];
  for (let p = 0; p < layout.partitions; p++) {
    const [length, pending, owner] = results.slice(p * 3, p * 3 + 3).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    stats.push({
      partition: p,
      length: Number(length ?? 0),
      pending: Number((pending as [number] | null)?.[0] ?? 0),
      owner: (owner as string | null) ?? null,
    });
  }
  return stats;
}

/** What a sharded process knows of the partition streams (read when /metrics is scraped). */
export interface ShardSnapshot {
  partitions: { partition: number; length: number; pending: number; owner: string | null }[];
  /** The process holding the fetcher lease, if any. */
  fetcher: string | null;
  /** This process: fetcher active (true), standby (false), not a fetcher (undefined). */
  fetcherActive: boolean | undefined;
  /** This process's partitions, when it is a worker. */
  owned: number[] | undefined;
}
