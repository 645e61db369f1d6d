import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { placementRollups } from '../analytics/table.js';
import { channelLocalDay } from '../channels/member-counts.js';
import type { DbOrTx } from '../db.js';
import { placements } from '../placements/table.js';
import { channelGrowth, readChannelSizeSeries } from '../stats/channel-size.js';

/** The card's growth and clicks look this many days back. */
export const recentDays = 30;

const dayMs = 86_400_000;

/** Members gained (negative: lost) between two measured local days, `days` apart. */
export interface RecentGrowth {
  change: number;
  days: number;
}

/**
 * The channel's growth over local days today − `recentDays` … today in its time zone: its first
 * measured day to its last; null with fewer than two measured days (nothing to compare).
 */
export async function readRecentGrowth(
  tx: DbOrTx,
  channel: { id: string; workspaceId: string; timezone: string },
  now: Date,
): Promise<RecentGrowth | null> {
  const to = channelLocalDay(channel.timezone, now);
  const from = DateTime.fromISO(to, { zone: 'utc' }).minus({ days: recentDays }).toISODate() ?? to;
  const series = await readChannelSizeSeries(tx, channel, { from, to });
  const growth = series.length >= 2 ? channelGrowth(series) : undefined;
  if (!growth) return null;
  const days = Math.round((Date.parse(growth.to.day) - Date.parse(growth.from.day)) / dayMs);
  return { change: growth.change, days };
}

/**
 * The channel's placements published in [now − `recentDays` days, now] and the clicks on them
 * (all of their day rollups: dashboards read rollups, never the raw events).
 */
export async function readRecentClicks(
  tx: DbOrTx,
  channelId: string,
  now: Date,
): Promise<{ ads: number; clicks: number }> {
  const [row] = await tx
    .select({
      ads: sql<number>`count(distinct ${placements.id})::int`,
      clicks: sql<number>`coalesce(sum(${placementRollups.clicks}), 0)::int`,
    })
    .from(placements)
    .leftJoin(
      placementRollups,
      and(eq(placementRollups.placementId, placements.id), eq(placementRollups.grain, 'day')),
    )
    .where(
      and(
        eq(placements.channelId, channelId),
        gte(placements.publishedAt, new Date(now.getTime() - recentDays * dayMs)),
        lte(placements.publishedAt, now),
      ),
    );
  return { ads: row?.ads ?? 0, clicks: row?.clicks ?? 0 };
}

/** Average clicks per ad per 1 000 subscribers, one decimal; null without ads or subscribers. */
export function clicksPer1000(
  recent: { ads: number; clicks: number },
  subscribers: number,
): number | null {
  if (recent.ads <= 0 || subscribers <= 0) return null;
  return Math.round((recent.clicks * 10_000) / (recent.ads * subscribers)) / 10;
}
