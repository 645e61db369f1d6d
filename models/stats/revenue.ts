import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { ownerAccount, platformFeesAccount } from '../ledger/accounts.js';
import { allocate } from '../ledger/shares.js';
import { ledgerEntries } from '../ledger/table.js';
import type { Currency } from '../orders/table.js';
import { orderItems } from '../orders/table.js';

/** What an order brought a workspace in a range of posting time, minor units. */
export interface OrderRevenue {
  orderId: string;
  currency: Currency;
  /** What the advertiser paid for what was delivered: the owner's share plus the platform's fee. */
  gross: number;
  /** The owner's share (80 %): what the workspace earns. */
  net: number;
}

const orderOfMemo = sql<string>`substring(${ledgerEntries.memo} from '^order ([0-9a-f-]{36}):')`;

/**
 * The workspace's revenue per order and currency from the journal: its lines on the owner and
 * fee accounts whose memo names an order (settlements, and refunds after settlement that take
 * back from both), posted in [from, to). Needs the workspace in scope.
 */
export async function revenueByOrder(
  tx: DbOrTx,
  workspaceId: string,
  range: { from: Date; to: Date },
): Promise<OrderRevenue[]> {
  const owner = ownerAccount(workspaceId);
  const rows = await tx
    .select({
      orderId: orderOfMemo,
      currency: ledgerEntries.currency,
      gross: sql<string>`(-sum(${ledgerEntries.amount}))::text`,
      net: sql<string>`(-coalesce(sum(${ledgerEntries.amount}) filter (where ${ledgerEntries.account} = ${owner}), 0))::text`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.workspaceId, workspaceId),
        inArray(ledgerEntries.account, [owner, platformFeesAccount]),
        gte(ledgerEntries.createdAt, range.from),
        lt(ledgerEntries.createdAt, range.to),
        sql`${orderOfMemo} is not null`,
      ),
    )
    .groupBy(orderOfMemo, ledgerEntries.currency)
    .orderBy(orderOfMemo, ledgerEntries.currency);
  return rows.map((r) => ({ ...r, gross: Number(r.gross), net: Number(r.net) }));
}

/** Each order's channels and what its items there cost (the weights of a split by channel). */
export async function orderChannelWeights(
  tx: DbOrTx,
  orderIds: string[],
): Promise<Map<string, { channelId: string; price: number }[]>> {
  const weights = new Map<string, { channelId: string; price: number }[]>();
  if (orderIds.length === 0) return weights;
  const rows = await tx
    .select({
      orderId: orderItems.orderId,
      channelId: orderItems.channelId,
      price: sql<string>`sum(${orderItems.price})::text`,
    })
    .from(orderItems)
    .where(inArray(orderItems.orderId, [...new Set(orderIds)]))
    .groupBy(orderItems.orderId, orderItems.channelId)
    .orderBy(orderItems.orderId, orderItems.channelId);
  for (const row of rows) {
    const list = weights.get(row.orderId) ?? [];
    list.push({ channelId: row.channelId, price: Number(row.price) });
    weights.set(row.orderId, list);
  }
  return weights;
}

/** One channel's part of an order's amount, allocated over the order's channels by item price. */
export function channelPartOf(
  weights: Map<string, { channelId: string; price: number }[]>,
  orderId: string,
  channelId: string,
  amount: number,
): number {
  const channels = weights.get(orderId) ?? [];
  const index = channels.findIndex((w) => w.channelId === channelId);
  if (index < 0) return 0;
  return allocate(
    amount,
    channels.map((w) => w.price),
  )[index]!;
}
