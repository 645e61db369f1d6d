import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import type { OrderStatus } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { orderEventFacts as facts } from '../orders/order-events.js';
import { appendEvent } from '../outbox/events.js';
import { payments } from '../payments/table.js';
import { transitionOrderPayments } from '../payments/transition-payment.js';
import { advertiserOrder } from './queries.js';

/** States an advertiser may cancel from: before the owner approved (`paid`: waiting for moderation). */
export const cancellableStatuses: OrderStatus[] = ['held', 'awaiting_payment', 'paid', 'in_review'];

/**
 * The advertiser cancels an order not yet approved: cancelled, slots freed, a pending invoice
 * voided, `order.cancelled` appended. `paid` tells whether money was taken (then refundOrderPayment gives it back in full).
 */
export async function cancelOrder(
  database: Database,
  input: { accountId: string; orderId: string },
  clock: Clock,
): Promise<
  Result<{ orderId: string; workspaceId: string; paid: boolean }, 'not_found' | 'not_cancellable'>
> {
  const { accountId, orderId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, orderId),
  );
  if (!ref) return fail('not_found');
  return database.withScope({ workspaceId: ref.workspaceId, accountId }, async (tx) => {
    const at = clock.now();
    const moved = await transitionOrder(tx, {
      orderId,
      from: cancellableStatuses,
      to: 'cancelled',
      actor: `account:${accountId}`,
      reason: 'advertiser_cancelled',
      at,
      set: { cancelledAt: at, holdExpiresAt: null, reviewDeadlineAt: null, statusReason: null },
    });
    if (!moved.ok) return fail(moved.code === 'not_found' ? 'not_found' : 'not_cancellable');
    await releaseOrderSlots(tx, orderId, at);
    await transitionOrderPayments(tx, { orderId, from: ['pending'], to: 'cancelled', at });
    const held = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.orderId, orderId), eq(payments.status, 'succeeded')));
    const paid = held.length > 0;
    const cancelled = { type: 'order.cancelled' as const, from: moved.value.from, paid };
    await appendEvent(tx, { ...cancelled, ...facts(moved.value) }, at);
    return ok({ orderId, workspaceId: ref.workspaceId, paid });
  });
}
