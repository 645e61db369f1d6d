import { asc, desc, eq, inArray } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { orderItems, orders, type Currency, type OrderStatus } from '../orders/table.js';
import { readOrderView, type OrderView } from '../orders/order-view.js';

export interface MyOrderRow {
  id: string;
  status: OrderStatus;
  currency: Currency;
  total: number;
  /** Refunded of the total so far, minor units. */
  refundedAmount: number;
  createdAt: Date;
  /** Titles of the order's channels (read in each order's workspace scope). */
  channels: string[];
}

/**
 * The advertiser's orders, newest first, with their channels' titles (the orders are found with
 * scope { accountId }; channels are workspace rows, so titles are read once per workspace).
 */
export async function listMyOrders(
  database: Database,
  accountId: string,
  limit = 20,
): Promise<MyOrderRow[]> {
  const rows = await database.withScope({ accountId }, (tx) =>
    tx
      .select({
        id: orders.id,
        status: orders.status,
        currency: orders.currency,
        total: orders.total,
        refundedAmount: orders.refundedAmount,
        createdAt: orders.createdAt,
        workspaceId: orders.workspaceId,
      })
      .from(orders)
      .where(eq(orders.advertiserAccountId, accountId))
      .orderBy(desc(orders.createdAt))
      .limit(limit),
  );
  const titles = new Map<string, string[]>();
  for (const workspaceId of new Set(rows.map((r) => r.workspaceId))) {
    const ids = rows.filter((r) => r.workspaceId === workspaceId).map((r) => r.id);
    const items = await database.withScope({ workspaceId, accountId }, (tx) =>
      tx
        .selectDistinct({ orderId: orderItems.orderId, title: channels.title })
        .from(orderItems)
        .innerJoin(channels, eq(channels.id, orderItems.channelId))
        .where(inArray(orderItems.orderId, ids))
        .orderBy(asc(orderItems.orderId), asc(channels.title)),
    );
    for (const { orderId, title } of items)
      titles.set(orderId, [...(titles.get(orderId) ?? []), title]);
  }
  return rows.map(({ workspaceId: _, ...row }) => ({ ...row, channels: titles.get(row.id) ?? [] }));
}

/**
 * One of the advertiser's orders in full (items with channel and slot time need the order's
 * workspace in scope, so the order is found first with the advertiser's scope alone).
 */
export async function readMyOrder(
  database: Database,
  accountId: string,
  orderId: string,
): Promise<OrderView | undefined> {
  const [ref] = await database.withScope({ accountId }, (tx) =>
    tx
      .select({ workspaceId: orders.workspaceId, advertiser: orders.advertiserAccountId })
      .from(orders)
      .where(eq(orders.id, orderId))
      .limit(1),
  );
  if (!ref || ref.advertiser !== accountId) return undefined;
  const view = await database.withScope({ workspaceId: ref.workspaceId, accountId }, (tx) =>
    readOrderView(tx, orderId),
  );
  return view?.advertiserAccountId === accountId ? view : undefined;
}
