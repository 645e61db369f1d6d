import { asc, eq } from 'drizzle-orm';
import { readAbTest, type AbTest } from '../ab-tests/decide.js';
import { soldStatuses } from '../admin/lookup.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { readRollupSeries, type RollupPoint } from '../analytics/queries.js';
import { noJoins, readJoinStats, sumJoinStats, type JoinStats } from '../joins/queries.js';
import type { OrderView } from '../orders/order-view.js';
import { placements, type PlacementStatus } from '../placements/table.js';
import { readViolations } from '../verification/violations.js';

const dayMs = 86_400_000;

/** One post of the order and what it brought. */
export interface PlacementReport {
  id: string;
  channelTitle: string;
  format: string;
  status: PlacementStatus;
  dueAt: Date;
  publishedAt: Date | null;
  /** Promises it broke (each reduces what the owner is paid). */
  violations: number;
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  /** Null when the ad promotes no chat where the bot may invite. */
  joins: JoinStats | null;
  /** Views the channel's owner reported (models/views/); null until they do. */
  views: number | null;
  /** Whether they sent a screenshot of them. */
  viewsEvidence: boolean;
}

export interface OrderReport {
  placements: PlacementReport[];
  /** What the advertiser pays in the end (total less refunds once paid), minor units. */
  spent: number;
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  joins: JoinStats | null;
  /** Clicks ÷ views over the posts whose owner reported views; null where none did. */
  viewed: { clicks: number; views: number } | null;
  /** spent ÷ clicks (÷ joins), rounded to a minor unit; null without any. */
  costPerClick: number | null;
  costPerJoin: number | null;
  /** Clicks and joins per local day of the channels, from the day before the first post (rollups). */
  daily: RollupPoint[];
  /** The A/B test when the ad has two variants or more (models/ab-tests/). */
  abTest: AbTest | undefined;
}

/**
 * The advertiser's report of one of their orders (already read as theirs): each placement with
 * its clicks, reactions and joins, the order's totals and costs, and its daily series from the
 * rollups, in one transaction of the order's workspace scope with the advertiser.
 */
export async function readOrderReport(
  database: Database,
  order: Pick<
    OrderView,
    'id' | 'workspaceId' | 'advertiserAccountId' | 'status' | 'total' | 'refundedAmount'
  >,
  now: Date,
): Promise<OrderReport> {
  const { rows, daily, abTest } = await database.withScope(
    { workspaceId: order.workspaceId, accountId: order.advertiserAccountId },
    async (tx) => {
      const found = await tx
        .select({
          id: placements.id,
          channelTitle: channels.title,
          format: placements.format,
          status: placements.status,
          dueAt: placements.dueAt,
          publishedAt: placements.publishedAt,
          violations: placements.violations,
          clicks: placements.clicks,
          uniqueClicks: placements.uniqueClicks,
          reactions: placements.reactions,
          inviteLink: placements.inviteLink,
          views: placements.reportedViews,
          viewsEvidence: placements.viewsEvidence,
        })
        .from(placements)
        .innerJoin(channels, eq(channels.id, placements.channelId))
        .where(eq(placements.orderId, order.id))
        .orderBy(asc(placements.dueAt), asc(placements.id));
      const joins = await readJoinStats(
        tx,
        found.map((p) => p.id),
        now,
      );
      const rows = found.map(({ inviteLink, violations, viewsEvidence, ...p }) => ({
        ...p,
        viewsEvidence: viewsEvidence !== null,
        violations: readViolations(violations).length,
        joins: inviteLink ? (joins.get(p.id) ?? noJoins) : null,
      }));
      const published = found.flatMap((p) => (p.publishedAt ? [p.publishedAt.getTime()] : []));
      const daily = published.length
        ? await readRollupSeries(tx, { placementIds: found.map((p) => p.id) }, 'day', {
            from: new Date(Math.min(...published) - dayMs),
            to: new Date(now.getTime() + dayMs),
          })
        : [];
      return { rows, daily, abTest: await readAbTest(tx, order.id) };
    },
  );
  const spent = soldStatuses.includes(order.status) ? order.total - order.refundedAmount : 0;
  const sum = (key: 'clicks' | 'uniqueClicks' | 'reactions') =>
    rows.reduce((total, p) => total + p[key], 0);
  const withJoins = rows.flatMap((p) => (p.joins ? [p.joins] : []));
  const joins = withJoins.length ? sumJoinStats(withJoins) : null;
  const clicks = sum('clicks');
  const per = (n: number | undefined) => (n ? Math.round(spent / n) : null);
  const withViews = rows.filter((p) => p.views !== null);
  return {
    placements: rows,
    spent,
    clicks,
    uniqueClicks: sum('uniqueClicks'),
    reactions: sum('reactions'),
    joins,
    viewed: withViews.length
      ? {
          clicks: withViews.reduce((total, p) => total + p.clicks, 0),
          views: withViews.reduce((total, p) => total + (p.views ?? 0), 0),
        }
      : null,
    costPerClick: per(clicks),
    costPerJoin: per(joins?.joins),
    daily,
    abTest,
  };
}
