import { readOrderView, type OrderView } from '../orders/order-view.js';
import type { Database } from '../db.js';

/** An order as its workspace sees it (a member's review card); undefined when not theirs. */
export async function readReviewOrder(
  database: Database,
  workspaceId: string,
  orderId: string,
): Promise<OrderView | undefined> {
  return database.withScope({ workspaceId }, (tx) => readOrderView(tx, orderId));
}
