import { eq, inArray, sql } from 'drizzle-orm';
import { placements } from '../placements/table.js';
import type { DbOrTx } from '../db.js';
import { inviteJoins } from './table.js';

const day = 86_400_000;

/** Joins through a placement's invite link and how many of them left, and when. */
export interface JoinStats {
  joins: number;
  /** Left less than 24 h (7 days) after joining. */
  leftWithinDay: number;
  leftWithinWeek: number;
  /** Joins at least 24 h (7 days) old: the base of a retention that is final. */
  joinsDayOld: number;
  joinsWeekOld: number;
}

export const noJoins: JoinStats = {
  joins: 0,
  leftWithinDay: 0,
  leftWithinWeek: 0,
  joinsDayOld: 0,
  joinsWeekOld: 0,
};

/** Join statistics per placement at `now` (placements without joins are absent), in the scope. */
export async function readJoinStats(
  tx: DbOrTx,
  placementIds: string[],
  now: Date,
): Promise<Map<string, JoinStats>> {
  if (placementIds.length === 0) return new Map();
  const dayAgo = new Date(now.getTime() - day).toISOString();
  const weekAgo = new Date(now.getTime() - 7 * day).toISOString();
  const leftWithin = (days: number) =>
    sql<number>`(count(*) filter (where ${inviteJoins.leftAt} is not null
      and ${inviteJoins.leftAt} < ${inviteJoins.joinedAt} + make_interval(days => ${days})))::int`;
  const rows = await tx
    .select({
      placementId: inviteJoins.placementId,
      joins: sql<number>`count(*)::int`,
      leftWithinDay: leftWithin(1),
      leftWithinWeek: leftWithin(7),
      joinsDayOld: sql<number>`(count(*) filter (where ${inviteJoins.joinedAt} <= ${dayAgo}::timestamptz))::int`,
      joinsWeekOld: sql<number>`(count(*) filter (where ${inviteJoins.joinedAt} <= ${weekAgo}::timestamptz))::int`,
    })
    .from(inviteJoins)
    .where(inArray(inviteJoins.placementId, placementIds))
    .groupBy(inviteJoins.placementId);
  return new Map(rows.map(({ placementId, ...stats }) => [placementId, stats]));
}

/** The sum of several placements' statistics (an order's, a campaign's). */
export function sumJoinStats(all: Iterable<JoinStats>): JoinStats {
  const total = { ...noJoins };
  for (const stats of all)
    for (const key of Object.keys(total) as (keyof JoinStats)[]) total[key] += stats[key];
  return total;
}

/** What a placement's report says of joins: whether it had an invite link, joins, early leaves. */
export async function readPlacementJoins(
  tx: DbOrTx,
  placementId: string,
): Promise<{ invite: boolean; joins: number; leftWithinDay: number }> {
  const [row] = await tx
    .select({ link: placements.inviteLink, joins: placements.joins })
    .from(placements)
    .where(eq(placements.id, placementId));
  if (!row?.link) return { invite: false, joins: 0, leftWithinDay: 0 };
  const [left] = await tx
    .select({
      n: sql<number>`(count(*) filter (where ${inviteJoins.leftAt} < ${inviteJoins.joinedAt} + interval '1 day'))::int`,
    })
    .from(inviteJoins)
    .where(eq(inviteJoins.placementId, placementId));
  return { invite: true, joins: row.joins, leftWithinDay: left?.n ?? 0 };
}
