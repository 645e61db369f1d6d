import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db.js';
import { orders, type Currency, type OrderStatus } from '../orders/table.js';
import { readOrderView, type OrderView } from './order-view.js';

export interface MyOrderRow {
  id: string;
  status: OrderStatus;
  currency: Currency;
  total: number;
  createdAt: Date;
}

/** The advertiser's orders, newest first (scope { accountId }: only their own rows exist). */
export function listMyOrders(
  database: Database,
  accountId: string,
  limit = 20,
): Promise<MyOrderRow[]> {
  return database.withScope({ accountId }, (tx) =>
    tx
      .select({
        id: orders.id,
        status: orders.status,
        currency: orders.currency,
        total: orders.total,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(eq(orders.advertiserAccountId, accountId))
      .orderBy(desc(orders.createdAt))
      .limit(limit),
  );
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
