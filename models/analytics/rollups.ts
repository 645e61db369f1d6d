import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db.js';
import { readSetting, writeSetting } from '../platform/queries.js';

/** The rolled-up kinds: counted (click, join, leave) and snapshots (reactions). */
export const rolledUpKinds = ['click', 'join', 'leave', 'reactions'] as const;

const watermarkKey = 'analytics_rollup_watermark';
/** Rows written this long before the run's start are re-read by the next run too. */
const overlapMs = 5 * 60_000;
/** A run reads rows written up to this long before its start: a writer's transaction has ended. */
const settleMs = 10_000;
/** One transaction rolls up the rows written within this much database time (catch-up in steps). */
const stepMs = 6 * 3_600_000;

export interface RollupRun {
  /** Transactions run (steps of written time). */
  steps: number;
  /** Buckets recomputed (hours and days). */
  buckets: number;
  /** The written time it has caught up to. */
  watermark: Date;
}

/**
 * Recomputes, from the raw events, every bucket that has an event written in `(from, to]`: the
 * UTC hours and the channel's local days of those events' placements. A bucket is always computed
 * whole from its raw rows, so running it again (a retry, a second worker, an overlap) gives the
 * same rows; a late event (Telegram's date hours ago, written now) recomputes its old bucket.
 */
async function rollupWritten(tx: Tx, from: Date, to: Date): Promise<number> {
  const kinds = sql.join(
    rolledUpKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const { rows } = await tx.execute<{ n: number | string }>(sql`
    with touched as (
      select distinct e.placement_id, e.occurred_at,
        coalesce(c.settings->>'timezone', 'UTC') as tz
      from events e
      join placements p on p.id = e.placement_id
      join channels c on c.id = p.channel_id
      where e.recorded_at > ${from.toISOString()}::timestamptz
        and e.recorded_at <= ${to.toISOString()}::timestamptz
        and e.placement_id is not null and e.kind in (${kinds})
    ),
    buckets as (
      select distinct placement_id, 'hour'::text as grain,
        date_trunc('hour', occurred_at) as bucket_start,
        date_trunc('hour', occurred_at) + interval '1 hour' as bucket_end,
        null::date as day
      from touched
      union
      select distinct placement_id, 'day', (d::timestamp at time zone tz),
        ((d + 1)::timestamp at time zone tz), d
      from (select placement_id, tz, (occurred_at at time zone tz)::date as d from touched) local
    ),
    computed as (
      select b.placement_id, b.grain, b.bucket_start, b.day,
        p.workspace_id, p.channel_id, p.advertiser_account_id,
        count(*) filter (where e.kind = 'click')::int as clicks,
        count(*) filter (where e.kind = 'click' and (e.data->>'unique')::boolean)::int
          as unique_clicks,
        count(*) filter (where e.kind = 'join')::int as joins,
        count(*) filter (where e.kind = 'leave')::int as leaves,
        bool_or(e.kind = 'reactions') as reacted,
        b.bucket_end
      from buckets b
      join placements p on p.id = b.placement_id
      left join events e on e.placement_id = b.placement_id
        and e.occurred_at >= b.bucket_start and e.occurred_at < b.bucket_end
        and e.kind in (${kinds})
      group by b.placement_id, b.grain, b.bucket_start, b.bucket_end, b.day,
        p.workspace_id, p.channel_id, p.advertiser_account_id
    ),
    written as (
      insert into placement_rollups as r (placement_id, grain, bucket_start, day, workspace_id,
        channel_id, advertiser_account_id, clicks, unique_clicks, joins, leaves, reactions,
        updated_at)
      select c.placement_id, c.grain, c.bucket_start, c.day, c.workspace_id, c.channel_id,
        c.advertiser_account_id, c.clicks, c.unique_clicks, c.joins, c.leaves,
        case when coalesce(c.reacted, false) then (
          -- The post's total at the bucket's end: each message's last snapshot before it.
          select sum(last.value)::int from (
            select distinct on (s.data->>'messageId') s.value
            from events s
            where s.placement_id = c.placement_id and s.kind = 'reactions'
              and s.occurred_at < c.bucket_end
            order by s.data->>'messageId', s.occurred_at desc,
              (s.data->>'updateId')::bigint desc
          ) last
        ) end,
        now()
      from computed c
      on conflict (placement_id, grain, bucket_start, workspace_id) do update set
        clicks = excluded.clicks, unique_clicks = excluded.unique_clicks,
        joins = excluded.joins, leaves = excluded.leaves, reactions = excluded.reactions,
        updated_at = excluded.updated_at
      returning 1
    )
    select count(*) as n from written`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One run of the rollup job: from its watermark (less an overlap) to ten seconds ago in database
 * time (`settleMs`: a test reads what it has just written), in steps of six hours of written time, each step one transaction that also moves the
 * watermark — so a run stopped half-way (a kill, an outage) resumes where its last step ended,
 * and a long downtime is caught up step by step. Two runs at once serialize on a lock.
 */
export async function runRollups(
  database: Database,
  options: { settleMs?: number } = {},
): Promise<RollupRun> {
  const settle = options.settleMs ?? settleMs;
  const run: RollupRun = { steps: 0, buckets: 0, watermark: new Date(0) };
  for (;;) {
    const step = await database.withSystem('analytics rollup', async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('analytics rollup'))`);
      const stored = await readSetting(tx, watermarkKey);
      const watermark = typeof stored === 'string' ? new Date(stored) : new Date(0);
      const { rows } = await tx.execute<{ upto: Date | string; first: Date | string | null }>(sql`
        select date_trunc('milliseconds', now() - make_interval(secs => ${settle / 1000}))
            + interval '1 millisecond' as upto,
          (select min(recorded_at) from events where recorded_at > ${watermark.toISOString()}::timestamptz) as first`);
      // Rounded up to the millisecond: JavaScript dates hold milliseconds and PostgreSQL
      // microseconds, so a cutoff rounded down missed a row written in its last millisecond (CI
      // saw it with settleMs 0; the next run's overlap re-reads such a row in any case).
      const upto = new Date(rows[0]!.upto);
      const first = rows[0]!.first === null ? undefined : new Date(rows[0]!.first);
      if (!first || first > upto) return { buckets: 0, watermark, done: true };
      // Skip empty written time at once (a first run over old data starts at its first row).
      const from = new Date(Math.max(watermark.getTime(), first.getTime() - 1) - overlapMs);
      const to = new Date(
        Math.min(upto.getTime(), Math.max(from.getTime(), first.getTime()) + stepMs),
      );
      const buckets = await rollupWritten(tx, from, to);
      await writeSetting(tx, watermarkKey, to.toISOString());
      return { buckets, watermark: to, done: to.getTime() >= upto.getTime() };
    });
    run.buckets += step.buckets;
    run.watermark = step.watermark;
    if (step.buckets > 0 || !step.done) run.steps += 1;
    if (step.done) return run;
  }
}
