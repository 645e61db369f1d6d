import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRollupSeries } from '../../../models/analytics/queries.js';
import { dropExpiredEvents, rawEventCutoff } from '../../../models/analytics/retention.js';
import { ensureEventPartitions } from '../../../models/events/ensure-partitions.js';
import { runRollups } from '../../../models/analytics/rollups.js';
import { writeSetting } from '../../../models/platform/queries.js';
import type { Database } from '../../../models/db.js';
import { channels, events, placementRollups, placements } from '../../../models/schema.js';
import { makeOrder } from '../../factories/orders.js';
import { makePlacement } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

type Placement = { id: string; workspaceId: string; channelId: string; orderId: string };

describe('placement rollups', () => {
  let database: Database;
  let kolkata: Placement;
  let utc: Placement;
  beforeAll(async () => {
    database = await createTestDatabase();
    const make = async (timezone: string) => {
      const order = await makeOrder(database, { at: new Date('2031-05-01T10:00:00Z') });
      await database.withSystem('test seed: channel zone', (tx) =>
        tx
          .update(channels)
          .set({ settings: sql`${channels.settings} || ${JSON.stringify({ timezone })}::jsonb` })
          .where(eq(channels.id, order.channelId)),
      );
      const row = await makePlacement(database, order, order.slotIds[0]!, {
        dueAt: new Date('2031-05-10T10:00:00Z'),
      });
      return {
        id: row.id,
        workspaceId: row.workspaceId,
        channelId: row.channelId,
        orderId: order.orderId,
      };
    };
    kolkata = await make('Asia/Kolkata');
    utc = await make('UTC');
  });
  afterAll(async () => {
    await database?.close();
  });

  const add = (
    p: Placement,
    kind: string,
    at: string,
    extra: { value?: number; data?: object } = {},
  ) =>
    database.withSystem('test seed: events', (tx) =>
      tx.insert(events).values({
        occurredAt: new Date(at),
        workspaceId: p.workspaceId,
        kind,
        channelId: p.channelId,
        orderId: p.orderId,
        placementId: p.id,
        value: extra.value ?? 1,
        data: { ...extra.data },
      }),
    );
  const click = (p: Placement, at: string, unique = true) =>
    add(p, 'click', at, { data: { unique } });
  const reactions = (
    p: Placement,
    at: string,
    messageId: number,
    total: number,
    updateId: number,
  ) => add(p, 'reactions', at, { value: total, data: { messageId, updateId, counts: {} } });
  const rows = (p: Placement, grain: 'hour' | 'day') =>
    database.withSystem('test read', (tx) =>
      tx
        .select({
          bucketStart: placementRollups.bucketStart,
          day: placementRollups.day,
          clicks: placementRollups.clicks,
          uniqueClicks: placementRollups.uniqueClicks,
          joins: placementRollups.joins,
          leaves: placementRollups.leaves,
          reactions: placementRollups.reactions,
        })
        .from(placementRollups)
        .where(
          sql`${placementRollups.placementId} = ${p.id} and ${placementRollups.grain} = ${grain}`,
        )
        .orderBy(placementRollups.bucketStart),
    );

  it('counts per UTC hour and per local day of the channel, snapshots as the total at the end', async () => {
    // 18:20 UTC is 23:50 in Kolkata (+05:30); 18:40 UTC is already the next local day.
    await click(kolkata, '2031-05-10T18:20:00Z');
    await click(kolkata, '2031-05-10T18:25:00Z', false);
    await click(kolkata, '2031-05-10T18:40:00Z');
    await add(kolkata, 'join', '2031-05-10T18:45:00Z');
    await add(kolkata, 'leave', '2031-05-10T19:10:00Z', { value: 1500 });
    // An album: two messages; the post's total is the sum of each one's last snapshot.
    await reactions(kolkata, '2031-05-10T18:21:00Z', 1, 2, 10);
    await reactions(kolkata, '2031-05-10T18:22:00Z', 2, 1, 11);
    await reactions(kolkata, '2031-05-10T18:50:00Z', 1, 5, 12);
    await reactions(kolkata, '2031-05-10T19:05:00Z', 2, 3, 13);
    await click(utc, '2031-05-10T18:30:00Z');
    const first = await runRollups(database, { settleMs: 0 });
    expect(first.buckets).toBe(2 + 2 + 1 + 1);

    expect(await rows(kolkata, 'hour')).toEqual([
      {
        bucketStart: new Date('2031-05-10T18:00:00Z'),
        day: null,
        clicks: 3,
        uniqueClicks: 2,
        joins: 1,
        leaves: 0,
        reactions: 6,
      },
      {
        bucketStart: new Date('2031-05-10T19:00:00Z'),
        day: null,
        clicks: 0,
        uniqueClicks: 0,
        joins: 0,
        leaves: 1,
        reactions: 8,
      },
    ]);
    const days = await rows(kolkata, 'day');
    expect(
      days.map((d) => [d.day, d.bucketStart.toISOString(), d.clicks, d.joins, d.reactions]),
    ).toEqual([
      ['2031-05-10', '2031-05-09T18:30:00.000Z', 2, 0, 3],
      ['2031-05-11', '2031-05-10T18:30:00.000Z', 1, 1, 8],
    ]);

    // Again: nothing new written, the same rows.
    const again = await runRollups(database, { settleMs: 0 });
    expect(again.buckets).toBeLessThanOrEqual(first.buckets);
    expect(await rows(kolkata, 'hour')).toHaveLength(2);
    expect((await rows(kolkata, 'hour'))[0]!.clicks).toBe(3);
  });

  it('a late event (its date days ago, written now) recomputes its old bucket', async () => {
    await click(utc, '2031-05-07T09:15:00Z');
    await click(utc, '2031-05-10T18:59:00Z');
    await runRollups(database, { settleMs: 0 });
    expect((await rows(utc, 'hour')).map((r) => [r.bucketStart.toISOString(), r.clicks])).toEqual([
      ['2031-05-07T09:00:00.000Z', 1],
      ['2031-05-10T18:00:00.000Z', 2],
    ]);
  });

  it('reads series by workspace, channel, advertiser and placements, equal to the raw events', async () => {
    const series = await database.withScope({ workspaceId: kolkata.workspaceId }, (tx) =>
      readRollupSeries(tx, { workspaceId: kolkata.workspaceId }, 'day', {
        from: new Date('2031-05-01T00:00:00Z'),
        to: new Date('2031-06-01T00:00:00Z'),
      }),
    );
    expect(series.map((p) => [p.day, p.clicks, p.uniqueClicks, p.joins, p.leaves])).toEqual([
      ['2031-05-10', 2, 1, 0, 0],
      ['2031-05-11', 1, 1, 1, 1],
    ]);
    // Another workspace's scope sees none of them.
    const foreign = await database.withScope({ workspaceId: utc.workspaceId }, (tx) =>
      readRollupSeries(tx, { workspaceId: kolkata.workspaceId }, 'day', {
        from: new Date('2031-05-01T00:00:00Z'),
        to: new Date('2031-06-01T00:00:00Z'),
      }),
    );
    expect(foreign).toEqual([]);
    // Totals from rollups equal totals from the raw events, for every placement.
    const [raw] = await database.withSystem('test read', (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(events)
        .where(
          sql`${events.kind} = 'click' and ${events.placementId} in (${kolkata.id}, ${utc.id})`,
        ),
    );
    const rolled = await database.withSystem('test read', (tx) =>
      readRollupSeries(tx, { placementIds: [kolkata.id, utc.id] }, 'hour', {
        from: new Date('2031-01-01T00:00:00Z'),
        to: new Date('2032-01-01T00:00:00Z'),
      }),
    );
    expect(rolled.reduce((sum, p) => sum + p.clicks, 0)).toBe(raw!.n);
  });

  it('catches up a backlog in steps, each moving the watermark', async () => {
    // The job was down for 21 hours while clicks were written every hour.
    const [{ now }] = (
      await database.withSystem('test read', (tx) =>
        tx.execute<{ now: string }>(sql`select now()::text as now`),
      )
    ).rows as [{ now: string }];
    const dbNow = new Date(now).getTime();
    await database.withSystem('test seed: watermark', (tx) =>
      writeSetting(
        tx,
        'analytics_rollup_watermark',
        new Date(dbNow - 21 * 3_600_000).toISOString(),
      ),
    );
    for (let h = 0; h < 20; h++)
      await database.withSystem('test seed: backlog', (tx) =>
        tx.insert(events).values({
          occurredAt: new Date(Date.UTC(2031, 4, 12, h, 5)),
          recordedAt: new Date(dbNow - (20 - h) * 3_600_000),
          workspaceId: utc.workspaceId,
          kind: 'click',
          channelId: utc.channelId,
          orderId: utc.orderId,
          placementId: utc.id,
          data: { unique: true },
        }),
      );
    const run = await runRollups(database, { settleMs: 0 });
    // 19 hours of written time in steps of 6 hours.
    expect(run.steps).toBe(3);
    expect(run.watermark.getTime()).toBeGreaterThanOrEqual(dbNow);
    const twelfth = (await rows(utc, 'hour')).filter((r) => r.bucketStart.getUTCDate() === 12);
    expect(twelfth.map((r) => r.clicks)).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it('keeps raw events 13 months: the cutoff is the start of the UTC month 13 months back', () => {
    expect(rawEventCutoff(new Date('2032-02-15T12:00:00Z')).toISOString()).toBe(
      '2031-01-01T00:00:00.000Z',
    );
    expect(rawEventCutoff(new Date('2032-01-01T00:00:00Z')).toISOString()).toBe(
      '2030-12-01T00:00:00.000Z',
    );
  });

  it('drops whole months of raw events older than 13 months; rollups and newer months stay', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    await database.withSystem('test seed: old partitions', (tx) =>
      ensureEventPartitions(tx, new Date('2025-09-01T00:00:00Z'), 3),
    );
    await click(utc, '2025-09-15T10:00:00Z');
    await click(utc, '2025-11-02T10:00:00Z');
    await runRollups(database, { settleMs: 0 });
    const dropped = await dropExpiredEvents(database, now);
    expect(dropped.sort()).toEqual(['events_2025_09', 'events_2025_10']);
    expect(await dropExpiredEvents(database, now)).toEqual([]);
    const left = await database.withSystem('test read', (tx) =>
      tx
        .select({ at: events.occurredAt })
        .from(events)
        .where(sql`${events.placementId} = ${utc.id} and ${events.occurredAt} < '2026-01-01'`),
    );
    expect(left.map((r) => r.at.toISOString())).toEqual(['2025-11-02T10:00:00.000Z']);
    const september = (await rows(utc, 'hour')).filter(
      (r) => r.bucketStart.getUTCFullYear() === 2025,
    );
    expect(september.map((r) => [r.bucketStart.toISOString(), r.clicks])).toEqual([
      ['2025-09-15T10:00:00.000Z', 1],
      ['2025-11-02T10:00:00.000Z', 1],
    ]);
  });

  it('analyze() gives the planner the real size of the tables (PGlite has no autovacuum)', async () => {
    const rowCount = await database.withSystem('test read', (tx) => tx.$count(placementRollups));
    expect(rowCount).toBeGreaterThan(0);
    await database.analyze();
    // ANALYZE reads the table itself (row-level security does not hide rows from it).
    const { rows } = await database.pool.query<{ reltuples: number }>(
      `select reltuples from pg_class where relname = 'placement_rollups'`,
    );
    expect(rows[0]?.reltuples).toBe(rowCount);
  });

  it('a placement row exists for every rollup (foreign keys hold)', async () => {
    const orphans = await database.withSystem('test read', (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(placementRollups)
        .leftJoin(placements, eq(placements.id, placementRollups.placementId))
        .where(sql`${placements.id} is null`),
    );
    expect(orphans[0]!.n).toBe(0);
  });
});
