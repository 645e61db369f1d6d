import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { placementRollups } from './table.js';

/** Whose buckets: one workspace's, one channel's, one advertiser's, or some placements'. */
export type RollupScope =
  | { workspaceId: string }
  | { channelId: string }
  | { advertiserAccountId: string }
  | { placementIds: string[] };

export interface RollupPoint {
  bucketStart: Date;
  /** The channel's local date (day grain). */
  day: string | null;
  clicks: number;
  uniqueClicks: number;
  joins: number;
  leaves: number;
}

/** The counted columns of placement_rollups summed over a group (series, per placement, per channel). */
export const rollupSums = {
  clicks: sql<number>`sum(${placementRollups.clicks})::int`,
  uniqueClicks: sql<number>`sum(${placementRollups.uniqueClicks})::int`,
  joins: sql<number>`sum(${placementRollups.joins})::int`,
  leaves: sql<number>`sum(${placementRollups.leaves})::int`,
};

/** Day buckets of these channels that start in [from, to). */
export function channelDaysIn(channelIds: string[], range: { from: Date; to: Date }): SQL {
  return and(
    inArray(placementRollups.channelId, channelIds),
    eq(placementRollups.grain, 'day'),
    gte(placementRollups.bucketStart, range.from),
    lt(placementRollups.bucketStart, range.to),
  )!;
}

function scopeFilter(scope: RollupScope): SQL {
  if ('workspaceId' in scope) return eq(placementRollups.workspaceId, scope.workspaceId);
  if ('channelId' in scope) return eq(placementRollups.channelId, scope.channelId);
  if ('advertiserAccountId' in scope)
    return eq(placementRollups.advertiserAccountId, scope.advertiserAccountId);
  return scope.placementIds.length
    ? inArray(placementRollups.placementId, scope.placementIds)
    : sql`false`;
}

/**
 * The counts per bucket of `grain` in [from, to), summed over the scope's placements, oldest
 * first; buckets without events are absent. Read from the rollups only (in the caller's scope).
 */
export async function readRollupSeries(
  tx: DbOrTx,
  scope: RollupScope,
  grain: 'hour' | 'day',
  range: { from: Date; to: Date },
): Promise<RollupPoint[]> {
  const rows = await tx
    .select({
      bucketStart: placementRollups.bucketStart,
      day: placementRollups.day,
      ...rollupSums,
    })
    .from(placementRollups)
    .where(
      and(
        scopeFilter(scope),
        eq(placementRollups.grain, grain),
        gte(placementRollups.bucketStart, range.from),
        lt(placementRollups.bucketStart, range.to),
      ),
    )
    .groupBy(placementRollups.bucketStart, placementRollups.day)
    .orderBy(placementRollups.bucketStart);
  return rows;
}
