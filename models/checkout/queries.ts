import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { orders, type OrderStatus } from '../orders/table.js';

export interface OrderRef {
  id: string;
  workspaceId: string;
  status: OrderStatus;
}

/** The advertiser's own order (scope with accountId): its workspace, to scope the next transaction. */
export async function advertiserOrder(
  tx: DbOrTx,
  accountId: string,
  orderId: string,
): Promise<OrderRef | undefined> {
  const [row] = await tx
    .select({ id: orders.id, workspaceId: orders.workspaceId, status: orders.status })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.advertiserAccountId, accountId)))
    .limit(1);
  return row;
}

/** The advertiser's orders of a checkout bundle that may still be paid (scope with accountId). */
export async function payableBundleOrders(
  tx: DbOrTx,
  accountId: string,
  bundleId: string,
): Promise<OrderRef[]> {
  return tx
    .select({ id: orders.id, workspaceId: orders.workspaceId, status: orders.status })
    .from(orders)
    .where(
      and(
        eq(orders.bundleId, bundleId),
        eq(orders.advertiserAccountId, accountId),
        inArray(orders.status, ['held', 'awaiting_payment'] satisfies OrderStatus[]),
      ),
    )
    .orderBy(orders.createdAt);
}
