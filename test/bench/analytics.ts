import { eq, sql } from 'drizzle-orm';
import { readRollupSeries, type RollupPoint } from '../../models/analytics/queries.js';
import { runRollups } from '../../models/analytics/rollups.js';
import type { Database } from '../../models/db.js';
import { ensureEventPartitions } from '../../models/events/ensure-partitions.js';
import { channels } from '../../models/schema.js';
import { makeOrder } from '../factories/orders.js';
import { makePlacement } from '../factories/placements.js';
import {
  dashboardTopPlacements,
  readOwnerDashboard,
  type DashboardPeriod,
} from '../../models/stats/owner-dashboard.js';
import { createTestDatabase, testServerUrl } from '../helpers/db.js';
import { num, percentile, ratio } from './report.js';
import type { Benchmark, Cell } from './types.js';

const dayMs = 86_400_000;
/** The dashboards' periods. */
const periods = [7, 30, 90];

type Totals = Pick<RollupPoint, 'day' | 'clicks' | 'uniqueClicks' | 'joins' | 'leaves'>;

/** The same daily series computed from the raw events (what the rollups replace). */
async function rawDailySeries(
  database: Database,
  workspaceId: string,
  range: { from: Date; to: Date },
): Promise<Totals[]> {
  const { rows } = await database.withScope({ workspaceId }, (tx) =>
    tx.execute<Totals>(sql`
      select (e.occurred_at at time zone coalesce(c.settings->>'timezone', 'UTC'))::date::text as day,
        (count(*) filter (where e.kind = 'click'))::int as "clicks",
        (count(*) filter (where e.kind = 'click' and (e.data->>'unique')::boolean))::int
          as "uniqueClicks",
        (count(*) filter (where e.kind = 'join'))::int as "joins",
        (count(*) filter (where e.kind = 'leave'))::int as "leaves"
      from events e
      join placements p on p.id = e.placement_id
      join channels c on c.id = p.channel_id
      where e.workspace_id = ${workspaceId}
        and e.kind in ('click', 'join', 'leave')
        and e.occurred_at >= ${range.from.toISOString()}::timestamptz
        and e.occurred_at < ${range.to.toISOString()}::timestamptz
      group by 1 order by 1`),
  );
  return rows;
}

/** The dashboard's top placements computed from the raw events (what placement_rollups replace). */
async function rawTopPlacements(
  database: Database,
  workspaceId: string,
  range: { from: Date; to: Date },
): Promise<{ id: string; clicks: number; uniqueClicks: number; joins: number; leaves: number }[]> {
  const { rows } = await database.withScope({ workspaceId }, (tx) =>
    tx.execute<{
      id: string;
      clicks: number;
      uniqueClicks: number;
      joins: number;
      leaves: number;
    }>(sql`
      select e.placement_id as id,
        (count(*) filter (where e.kind = 'click'))::int as "clicks",
        (count(*) filter (where e.kind = 'click' and (e.data->>'unique')::boolean))::int
          as "uniqueClicks",
        (count(*) filter (where e.kind = 'join'))::int as "joins",
        (count(*) filter (where e.kind = 'leave'))::int as "leaves"
      from events e
      where e.workspace_id = ${workspaceId}
        and e.kind in ('click', 'join', 'leave')
        and e.occurred_at >= ${range.from.toISOString()}::timestamptz
        and e.occurred_at < ${range.to.toISOString()}::timestamptz
      group by 1 order by 2 desc, 4 desc, 1 limit ${dashboardTopPlacements}`),
  );
  return rows;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/**
 * Analytics (issue 16): N raw events over 90 days on 20 workspaces × 10 placements (clicks, joins,
 * leaves), rolled up by the production job's use-case; then the owner dashboard's daily series
 * for 7/30/90 days read from the rollups, side by side with the same series computed from the raw
 * events (answers compared). And the catch-up time of one day of 1 M events written at once.
 */
export const analyticsBenchmark: Benchmark = {
  name: 'analytics',
  summary:
    'dashboard series from rollups vs raw events over 10 M events (PostgreSQL), and the rollup catch-up',
  async run(context) {
    const server = testServerUrl() !== undefined;
    const total = context.quick ? 200_000 : server ? 10_000_000 : 1_000_000;
    const oneDay = context.quick ? 100_000 : 1_000_000;
    const database = await createTestDatabase();
    try {
      const end = new Date('2026-11-30T00:00:00Z');
      const start = new Date(end.getTime() - 90 * dayMs);
      context.log('seeding 20 workspaces × 10 placements');
      const workspaces: string[] = [];
      const owners: string[] = [];
      for (let w = 0; w < 20; w++) {
        const order = await makeOrder(database, { at: start, items: 10 });
        await database.withSystem('bench: utc channel', (tx) =>
          tx
            .update(channels)
            .set({ settings: sql`${channels.settings} || '{"timezone":"UTC"}'::jsonb` })
            .where(eq(channels.id, order.channelId)),
        );
        for (const slotId of order.slotIds)
          await makePlacement(database, order, slotId, { dueAt: start, publishedAt: start });
        workspaces.push(order.workspaceId);
        owners.push(order.ownerAccountId);
      }
      await database.withSystem('bench: partitions', (tx) =>
        ensureEventPartitions(tx, new Date(start.getTime() - 31 * dayMs), 5),
      );
      const seed = (count: number, from: Date, spanMs: number, writtenAgoMinutes: number) =>
        database.withSystem('bench: events', (tx) =>
          tx.execute(sql`
            with p as (
              select id, workspace_id, channel_id, order_id, row_number() over (order by id) - 1 as i,
                count(*) over () as n
              from placements
            )
            insert into events (occurred_at, workspace_id, kind, channel_id, order_id,
              placement_id, value, data, recorded_at)
            select ${from.toISOString()}::timestamptz
                + make_interval(secs => (g::float8 * ${spanMs / 1000} / ${count})),
              p.workspace_id,
              case when g % 50 = 0 then 'join' when g % 173 = 0 then 'leave' else 'click' end,
              p.channel_id, p.order_id, p.id, 1,
              jsonb_build_object('unique', g % 3 = 0),
              now() - make_interval(mins => ${writtenAgoMinutes})
            from generate_series(1, ${count}::int) g
            join p on p.i = g % p.n`),
        );
      context.log(`writing ${num(total)} events over 90 days`);
      // Written an hour back, so the catch-up below does not re-read them in its 5-minute overlap.
      const seeded = await timed(() => seed(total, start, 90 * dayMs, 60));
      context.log('rolling them up (first run: everything)');
      const full = await timed(() => runRollups(database, { settleMs: 0 }));
      // As the daily analytics.retention job does (PGlite has no autovacuum to do it).
      await database.analyze();

      const rows: Cell[][] = [];
      const ratios: string[] = [];
      const repetitions = context.quick ? 5 : 20;
      for (const days of periods) {
        const range = { from: new Date(end.getTime() - days * dayMs), to: end };
        const fromRollups: number[] = [];
        const fromRaw: number[] = [];
        for (let r = 0; r < repetitions; r++) {
          const workspaceId = workspaces[r % workspaces.length]!;
          const rolled = await timed(() =>
            database.withScope({ workspaceId }, (tx) =>
              readRollupSeries(tx, { workspaceId }, 'day', range),
            ),
          );
          const raw = await timed(() => rawDailySeries(database, workspaceId, range));
          const same = rolled.value.map(({ day, clicks, uniqueClicks, joins, leaves }) => ({
            day,
            clicks,
            uniqueClicks,
            joins,
            leaves,
          }));
          if (JSON.stringify(same) !== JSON.stringify(raw.value))
            throw new Error(`rollups and raw events disagree for ${workspaceId}, ${days} days`);
          fromRollups.push(rolled.ms);
          fromRaw.push(raw.ms);
        }
        const p95Rollups = percentile(fromRollups, 95);
        const p95Raw = percentile(fromRaw, 95);
        rows.push([
          `workspace daily series, ${days} days`,
          num(percentile(fromRollups, 50), 1),
          num(p95Rollups, 1),
          num(percentile(fromRaw, 50), 1),
          num(p95Raw, 1),
        ]);
        ratios.push(
          `${days} days, daily series: p95 rollups ${num(p95Rollups, 1)} ms vs raw ${num(p95Raw, 1)} ms · ratio ${ratio(p95Raw, p95Rollups)}× · target < 100 ms: ${p95Rollups < 100 ? 'met' : 'MISSED'}`,
        );
        // The whole owner dashboard (every query of its screen in one transaction) against the
        // raw-event equivalents of its event figures (daily series + top placements).
        const screen: number[] = [];
        const rawScreen: number[] = [];
        for (let r = 0; r < repetitions; r++) {
          const i = r % workspaces.length;
          const view = await timed(() =>
            readOwnerDashboard(database, {
              accountId: owners[i]!,
              days: days as DashboardPeriod,
              channelId: null,
              now: end,
            }),
          );
          if (!view.value.ok) throw new Error(`no dashboard for ${owners[i]}: ${view.value.code}`);
          const raw = await timed(async () => ({
            daily: await rawDailySeries(database, workspaces[i]!, range),
            top: await rawTopPlacements(database, workspaces[i]!, range),
          }));
          const top = view.value.value.placements.map(
            ({ id, clicks, uniqueClicks, joins, leaves }) => ({
              id,
              clicks,
              uniqueClicks,
              joins,
              leaves,
            }),
          );
          if (JSON.stringify(top) !== JSON.stringify(raw.value.top))
            throw new Error(`dashboard placements disagree with raw events, ${days} days`);
          screen.push(view.ms);
          rawScreen.push(raw.ms);
        }
        const p95Screen = percentile(screen, 95);
        const p95RawScreen = percentile(rawScreen, 95);
        rows.push([
          `owner dashboard, whole screen, ${days} days`,
          num(percentile(screen, 50), 1),
          num(p95Screen, 1),
          num(percentile(rawScreen, 50), 1),
          num(p95RawScreen, 1),
        ]);
        ratios.push(
          `${days} days, whole dashboard: p95 ${num(p95Screen, 1)} ms vs its event figures from raw ${num(p95RawScreen, 1)} ms · ratio ${ratio(p95RawScreen, p95Screen)}× · target < 100 ms: ${p95Screen < 100 ? 'met' : 'MISSED'}`,
        );
      }

      context.log(`catch-up: ${num(oneDay)} events written within one day`);
      const dayStart = new Date(end.getTime() - dayMs);
      await seed(oneDay, dayStart, dayMs, 0);
      const catchUp = await timed(() => runRollups(database, { settleMs: 0 }));
      ratios.push(
        `catch-up of one day of ${num(oneDay)} events: ${num(catchUp.ms / 1000, 2)} s (${num(catchUp.value.buckets)} buckets) · first rollup of all ${num(total)}: ${num(full.ms / 1000, 1)} s · writing them: ${num(seeded.ms / 1000, 1)} s`,
      );
      return {
        title: `${num(total)} events, 200 placements on ${server ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite (embedded)'}`,
        columns: ['query (answers compared)', 'rollups p50 ms', 'p95', 'raw p50 ms', 'p95'],
        rows,
        ratios,
        notes: [
          `${repetitions} runs per period over the 20 workspaces; every answer from the rollups equal to the raw one`,
          'whole screen: revenue (journal), fill rate (slots), prices and advertisers (items), top placements and daily series (rollups), growth (size samples) — one transaction; raw: the daily series and top placements from events',
          server
            ? 'PGlite figure: run without TEST_DATABASE_URL (1 M events, in memory)'
            : 'PGlite holds the database in memory: 1 M events here, 10 M on PostgreSQL',
        ],
      };
    } finally {
      await database.close();
    }
  },
};
