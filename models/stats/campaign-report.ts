import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { soldStatuses } from '../admin/lookup.js';
import { readRollupSeries, type RollupPoint } from '../analytics/queries.js';
import { listMyOrders } from '../checkout/my-orders.js';
import type { Database } from '../db.js';
import type { Currency, OrderStatus } from '../orders/table.js';
import { placements } from '../placements/table.js';

/** Orders whose posts have started going out: the ones a report is about. */
export const reportedStatuses: OrderStatus[] = ['publishing', 'published', 'completed', 'disputed'];
/** How many of the advertiser's latest orders the campaign view reads, and its chart's days. */
export const campaignOrderLimit = 50;
export const campaignChartDays = 30;

const dayMs = 86_400_000;

export interface CampaignOrder {
  id: string;
  status: OrderStatus;
  channels: string[];
  currency: Currency;
  /** Total less refunds, minor units. */
  spent: number;
  posts: number;
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  joins: number;
  leaves: number;
}

export interface CampaignReport {
  orders: CampaignOrder[];
  /** Per currency: spent, and the cost per click and per join over that currency's orders. */
  totals: {
    currency: Currency;
    spent: number;
    clicks: number;
    joins: number;
    costPerClick: number | null;
    costPerJoin: number | null;
  }[];
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  joins: number;
  leaves: number;
  /** Clicks and joins per local day over the last campaignChartDays days, all placements (rollups). */
  daily: RollupPoint[];
}

/**
 * The advertiser's campaign: their latest orders whose posts have started going out, each with
 * what its posts brought (the placements' counters), the totals per currency with costs per click
 * and per join, and the daily series of all their placements from the rollups. Scope: the account.
 */
export async function readCampaignReport(
  database: Database,
  accountId: string,
  now: Date,
): Promise<CampaignReport> {
  const listed = (await listMyOrders(database, accountId, campaignOrderLimit)).filter((o) =>
    reportedStatuses.includes(o.status),
  );
  const ids = listed.map((o) => o.id);
  const { metrics, daily } = await database.withScope({ accountId }, async (tx) => ({
    metrics: ids.length
      ? await tx
          .select({
            orderId: placements.orderId,
            posts: sql<number>`(count(*) filter (where ${isNotNull(placements.publishedAt)}))::int`,
            clicks: sql<number>`sum(${placements.clicks})::int`,
            uniqueClicks: sql<number>`sum(${placements.uniqueClicks})::int`,
            reactions: sql<number>`sum(${placements.reactions})::int`,
            joins: sql<number>`sum(${placements.joins})::int`,
            leaves: sql<number>`sum(${placements.leaves})::int`,
          })
          .from(placements)
          .where(
            and(eq(placements.advertiserAccountId, accountId), inArray(placements.orderId, ids)),
          )
          .groupBy(placements.orderId)
      : [],
    daily: await readRollupSeries(tx, { advertiserAccountId: accountId }, 'day', {
      from: new Date(now.getTime() - campaignChartDays * dayMs),
      to: new Date(now.getTime() + dayMs),
    }),
  }));
  const rows: CampaignOrder[] = listed.map((o) => {
    const m = metrics.find((r) => r.orderId === o.id);
    return {
      id: o.id,
      status: o.status,
      channels: o.channels,
      currency: o.currency,
      spent: soldStatuses.includes(o.status) ? o.total - o.refundedAmount : 0,
      posts: m?.posts ?? 0,
      clicks: m?.clicks ?? 0,
      uniqueClicks: m?.uniqueClicks ?? 0,
      reactions: m?.reactions ?? 0,
      joins: m?.joins ?? 0,
      leaves: m?.leaves ?? 0,
    };
  });
  const sum = (
    list: CampaignOrder[],
    key: 'clicks' | 'uniqueClicks' | 'reactions' | 'joins' | 'leaves' | 'spent',
  ) => list.reduce((total, r) => total + r[key], 0);
  const currencies = [...new Set(rows.map((r) => r.currency))];
  const totals = currencies.map((currency) => {
    const of = rows.filter((r) => r.currency === currency);
    const spent = sum(of, 'spent');
    const clicks = sum(of, 'clicks');
    const joins = sum(of, 'joins');
    return {
      currency,
      spent,
      clicks,
      joins,
      costPerClick: clicks ? Math.round(spent / clicks) : null,
      costPerJoin: joins ? Math.round(spent / joins) : null,
    };
  });
  return {
    orders: rows,
    totals,
    clicks: sum(rows, 'clicks'),
    uniqueClicks: sum(rows, 'uniqueClicks'),
    reactions: sum(rows, 'reactions'),
    joins: sum(rows, 'joins'),
    leaves: sum(rows, 'leaves'),
    daily,
  };
}
