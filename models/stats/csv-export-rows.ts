import { and, asc, eq, exists, gte, inArray, lt, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channelDaysIn, rollupSums } from '../analytics/queries.js';
import { placementRollups } from '../analytics/table.js';
import { channels } from '../channels/table.js';
import type { DbOrTx } from '../db.js';
import { orderItems, orders, type Currency, type OrderStatus } from '../orders/table.js';
import { payouts, type PayoutStatus } from '../payouts/table.js';
import { placements, type PlacementStatus } from '../placements/table.js';
import { slots } from '../slots/table.js';

/** What the owner dashboard exports as CSV (docs/analytics.md, «CSV exports»). */
export const csvExportKinds = ['orders', 'placements', 'payouts', 'daily'] as const;
export type CsvExportKind = (typeof csvExportKinds)[number];

export interface OrderExportRow {
  id: string;
  createdAt: Date;
  status: OrderStatus;
  advertiserName: string | null;
  advertiserUsername: string | null;
  /** Titles of the order's channels (all of them, also those outside the export's scope). */
  channels: string[];
  items: number;
  currency: Currency;
  total: number;
  refunded: number;
  paidAt: Date | null;
}

export interface PlacementExportRow {
  id: string;
  orderId: string;
  channel: string;
  format: string;
  /** The ad variant it carries, 0-based. */
  variantIndex: number;
  dueAt: Date;
  publishedAt: Date | null;
  status: PlacementStatus;
  clicks: number;
  uniqueClicks: number;
  joins: number;
  leaves: number;
  reactions: number;
}

export interface PayoutExportRow {
  id: string;
  requestedAt: Date;
  status: PayoutStatus;
  currency: Currency;
  amount: number;
  method: string | null;
  decidedAt: Date | null;
  paidAt: Date | null;
}

export interface DailyExportRow {
  channel: string;
  /** The channel's local date, YYYY-MM-DD. */
  day: string;
  clicks: number;
  uniqueClicks: number;
  joins: number;
  leaves: number;
}

export type CsvExportRows =
  | { kind: 'orders'; rows: OrderExportRow[] }
  | { kind: 'placements'; rows: PlacementExportRow[] }
  | { kind: 'payouts'; rows: PayoutExportRow[] }
  | { kind: 'daily'; rows: DailyExportRow[] };

/** Where an export reads: the workspace, the channels shown and the period [from, to). */
export interface ExportScope {
  workspaceId: string;
  channelIds: string[];
  range: { from: Date; to: Date };
}

/** Orders with an item on a shown channel whose slot starts in the period, whatever their status. */
async function orderRows(tx: DbOrTx, scope: ExportScope): Promise<OrderExportRow[]> {
  const inPeriod = tx
    .select({ one: sql`1` })
    .from(orderItems)
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(
      and(
        eq(orderItems.orderId, orders.id),
        inArray(orderItems.channelId, scope.channelIds),
        gte(slots.startsAt, scope.range.from),
        lt(slots.startsAt, scope.range.to),
      ),
    );
  const rows = await tx
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      status: orders.status,
      advertiserName: accounts.firstName,
      advertiserUsername: accounts.username,
      currency: orders.currency,
      total: orders.total,
      refunded: orders.refundedAmount,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .leftJoin(accounts, eq(accounts.id, orders.advertiserAccountId))
    .where(and(eq(orders.workspaceId, scope.workspaceId), exists(inPeriod)))
    .orderBy(asc(orders.createdAt), asc(orders.id));
  if (rows.length === 0) return [];
  const items = await tx
    .select({ orderId: orderItems.orderId, channel: channels.title })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(
      inArray(
        orderItems.orderId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => {
    const own = items.filter((i) => i.orderId === row.id);
    return {
      ...row,
      channels: [...new Set(own.map((i) => i.channel))].sort(),
      items: own.length,
    };
  });
}

/** Placements on the shown channels due in the period, with their counters now. */
function placementRows(tx: DbOrTx, scope: ExportScope): Promise<PlacementExportRow[]> {
  return tx
    .select({
      id: placements.id,
      orderId: placements.orderId,
      channel: channels.title,
      format: placements.format,
      variantIndex: placements.variantIndex,
      dueAt: placements.dueAt,
      publishedAt: placements.publishedAt,
      status: placements.status,
      clicks: placements.clicks,
      uniqueClicks: placements.uniqueClicks,
      joins: placements.joins,
      leaves: placements.leaves,
      reactions: placements.reactions,
    })
    .from(placements)
    .innerJoin(channels, eq(channels.id, placements.channelId))
    .where(
      and(
        inArray(placements.channelId, scope.channelIds),
        gte(placements.dueAt, scope.range.from),
        lt(placements.dueAt, scope.range.to),
      ),
    )
    .orderBy(asc(placements.dueAt), asc(placements.id));
}

/** The workspace's payouts requested in the period (payouts are the workspace's, not a channel's). */
function payoutRows(tx: DbOrTx, scope: ExportScope): Promise<PayoutExportRow[]> {
  return tx
    .select({
      id: payouts.id,
      requestedAt: payouts.createdAt,
      status: payouts.status,
      currency: payouts.currency,
      amount: payouts.amount,
      method: payouts.method,
      decidedAt: payouts.decidedAt,
      paidAt: payouts.paidAt,
    })
    .from(payouts)
    .where(
      and(
        eq(payouts.workspaceId, scope.workspaceId),
        gte(payouts.createdAt, scope.range.from),
        lt(payouts.createdAt, scope.range.to),
      ),
    )
    .orderBy(asc(payouts.createdAt), asc(payouts.id));
}

/** Day rollups of the shown channels starting in the period, summed per channel and local day. */
async function dailyRows(tx: DbOrTx, scope: ExportScope): Promise<DailyExportRow[]> {
  const rows = await tx
    .select({
      channel: channels.title,
      day: placementRollups.day,
      ...rollupSums,
    })
    .from(placementRollups)
    .innerJoin(channels, eq(channels.id, placementRollups.channelId))
    .where(channelDaysIn(scope.channelIds, scope.range))
    .groupBy(placementRollups.channelId, channels.title, placementRollups.day)
    .orderBy(asc(placementRollups.day), asc(channels.title), asc(placementRollups.channelId));
  return rows.map((r) => ({ ...r, day: r.day ?? '' }));
}

/** The rows of one kind of export (in the workspace's scope). */
export async function rowsOf(
  tx: DbOrTx,
  kind: CsvExportKind,
  scope: ExportScope,
): Promise<CsvExportRows> {
  switch (kind) {
    case 'orders':
      return { kind, rows: scope.channelIds.length ? await orderRows(tx, scope) : [] };
    case 'placements':
      return { kind, rows: scope.channelIds.length ? await placementRows(tx, scope) : [] };
    case 'payouts':
      return { kind, rows: await payoutRows(tx, scope) };
    case 'daily':
      return { kind, rows: scope.channelIds.length ? await dailyRows(tx, scope) : [] };
  }
}
