import { and, asc, eq, lte } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { orderEventFacts as facts } from '../orders/order-events.js';
import { appendEvent } from '../outbox/events.js';

export const reviewDeadlineActor = 'system:orders.review-deadline';
export const reviewDeadlineReason = 'review_deadline';

/**
 * Auto-rejects orders still in review past their deadline (platform time): rejected with reason
 * 'review_deadline', slots freed, `order.rejected` appended. The cross-tenant search is the one audited withSystem use; each
 * rejection then runs scoped to its workspace. Returns the rejected orders (refunds follow).
 */
export async function rejectOverdueReviews(
  database: Database,
  clock: Clock,
  limit = 100,
): Promise<{ orderId: string; workspaceId: string }[]> {
  const now = clock.now();
  const due = await database.withSystem('orders: review deadline passed', (tx) =>
    tx
      .select({ orderId: orders.id, workspaceId: orders.workspaceId })
      .from(orders)
      .where(and(eq(orders.status, 'in_review'), lte(orders.reviewDeadlineAt, now)))
      .orderBy(asc(orders.reviewDeadlineAt))
      .limit(limit),
  );
  const rejected: { orderId: string; workspaceId: string }[] = [];
  for (const order of due) {
    const done = await database.withScope({ workspaceId: order.workspaceId }, async (tx) => {
      const at = clock.now();
      const moved = await transitionOrder(tx, {
        orderId: order.orderId,
        from: ['in_review'],
        to: 'rejected',
        actor: reviewDeadlineActor,
        reason: reviewDeadlineReason,
        at,
        set: { statusReason: reviewDeadlineReason, reviewDeadlineAt: null },
      });
      if (!moved.ok) return false;
      await releaseOrderSlots(tx, order.orderId, at);
      await appendEvent(tx, { type: 'order.rejected', ...facts(moved.value), reason: null }, at);
      return true;
    });
    if (done) rejected.push(order);
  }
  return rejected;
}
