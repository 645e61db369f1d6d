import type { Tx } from '../db.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import type { OrderStatus } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { transitionOrderPlacements } from '../placements/transition-placement.js';
import { transitionOrderPayments } from './transition-payment.js';

/** Unpaid orders: cancelled and their holds released; nothing to refund. */
export const unpaidStatuses: OrderStatus[] = ['held', 'awaiting_payment'];
/** Paid (also while an admin checks the creative), not yet publishing: cancelled, slots freed, refunded in full by the caller. */
export const paidStatuses: OrderStatus[] = ['paid', 'in_review', 'scheduled'];

/**
 * Cancels one not-yet-published order on an admin's decision: cancelled with `reason`, slots freed,
 * pending payments voided, scheduled placements cancelled. False when it is past that point.
 */
export async function cancelOrderForAdmin(
  tx: Tx,
  input: { orderId: string; actor: string; reason: string; at: Date },
): Promise<boolean> {
  const { at, orderId } = input;
  const moved = await transitionOrder(tx, {
    orderId,
    from: [...unpaidStatuses, ...paidStatuses],
    to: 'cancelled',
    actor: input.actor,
    reason: input.reason,
    at,
    set: {
      cancelledAt: at,
      holdExpiresAt: null,
      reviewDeadlineAt: null,
      statusReason: input.reason,
    },
  });
  if (!moved.ok) return false;
  await releaseOrderSlots(tx, orderId, at);
  await transitionOrderPayments(tx, { orderId, from: ['pending'], to: 'cancelled', at });
  await transitionOrderPlacements(tx, { orderId, from: ['scheduled'], to: 'cancelled', at });
  return true;
}
