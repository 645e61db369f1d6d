import { asc, eq } from 'drizzle-orm';
import { soldStatuses } from '../admin/lookup.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { readJoinStats, sumJoinStats, type JoinStats } from '../joins/queries.js';
import type { OrderView } from '../orders/order-view.js';
import { placements, type PlacementStatus } from '../placements/table.js';
import { readViolations } from '../verification/violations.js';

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
}

export interface OrderReport {
  placements: PlacementReport[];
  /** What the advertiser pays in the end (total less refunds once paid), minor units. */
  spent: number;
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  joins: JoinStats | null;
  /** spent ÷ clicks (÷ joins), rounded to a minor unit; null without any. */
  costPerClick: number | null;
  costPerJoin: number | null;
}

/**
 * The advertiser's report of one of their orders (already read as theirs): each placement with
 * its clicks, reactions and joins, and the order's totals and costs, in the order's workspace
 * scope with the advertiser.
 */
export async function readOrderReport(
  database: Database,
  order: Pick<
    OrderView,
    'id' | 'workspaceId' | 'advertiserAccountId' | 'status' | 'total' | 'refundedAmount'
  >,
  now: Date,
): Promise<OrderReport> {
  const rows = await database.withScope(
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
      return found.map(({ inviteLink, violations, ...p }) => ({
        ...p,
        violations: readViolations(violations).length,
        joins: inviteLink ? (joins.get(p.id) ?? sumJoinStats([])) : null,
      }));
    },
  );
  const spent = soldStatuses.includes(order.status) ? order.total - order.refundedAmount : 0;
  const sum = (key: 'clicks' | 'uniqueClicks' | 'reactions') =>
    rows.reduce((total, p) => total + p[key], 0);
  const withJoins = rows.flatMap((p) => (p.joins ? [p.joins] : []));
  const joins = withJoins.length ? sumJoinStats(withJoins) : null;
  const clicks = sum('clicks');
  const per = (n: number | undefined) => (n ? Math.round(spent / n) : null);
  return {
    placements: rows,
    spent,
    clicks,
    uniqueClicks: sum('uniqueClicks'),
    reactions: sum('reactions'),
    joins,
    costPerClick: per(clicks),
    costPerJoin: per(joins?.joins),
  };
}
