import { and, asc, eq, exists, inArray, isNotNull, lte, not, or } from 'drizzle-orm';
import type { Database } from '../db.js';
import { payments } from '../payments/table.js';
import { releaseOrderSlots } from './release-order-slots.js';
import { orders } from './table.js';
import { transitionOrder } from './transition-order.js';

/** An awaiting_payment order keeps its slots this long past the hold (the invoice may be being paid). */
export const paymentGraceMs = 2 * 60_000;

export interface ExpiredOrder {
  orderId: string;
  bundleId: string | null;
  advertiserAccountId: string;
  workspaceId: string;
}

/**
 * Expires orders whose hold ran out — held ones at once, awaiting_payment ones after the payment
 * grace — freeing their slots (one cross-tenant pass, each order in the same transaction). An order
 * whose Stripe/YooKassa payment is still being confirmed is left alone: confirmPendingPayments asks
 * the provider instead (paid ⇒ recorded, cancelled ⇒ expired, else kept for at most 24 h).
 */
export async function expireHolds(
  database: Database,
  now: Date,
  batchSize = 500,
): Promise<ExpiredOrder[]> {
  return database.withSystem('orders: expire holds', async (tx) => {
    const due = await tx
      .select({ id: orders.id, bundleId: orders.bundleId })
      .from(orders)
      .where(
        or(
          and(eq(orders.status, 'held'), lte(orders.holdExpiresAt, now)),
          and(
            eq(orders.status, 'awaiting_payment'),
            lte(orders.holdExpiresAt, new Date(now.getTime() - paymentGraceMs)),
            not(
              exists(
                tx
                  .select({ id: payments.id })
                  .from(payments)
                  .where(
                    and(
                      eq(payments.orderId, orders.id),
                      eq(payments.status, 'pending'),
                      inArray(payments.provider, ['stripe', 'yookassa']),
                      isNotNull(payments.providerPaymentId),
                    ),
                  ),
              ),
            ),
          ),
        ),
      )
      .orderBy(asc(orders.holdExpiresAt))
      .limit(batchSize);
    const expired: ExpiredOrder[] = [];
    for (const order of due) {
      const moved = await transitionOrder(tx, {
        orderId: order.id,
        from: ['held', 'awaiting_payment'],
        to: 'expired',
        actor: 'system:orders.expire-holds',
        reason: 'hold_expired',
        at: now,
        set: { holdExpiresAt: null, statusReason: 'hold_expired' },
      });
      if (!moved.ok) continue;
      await releaseOrderSlots(tx, order.id, now);
      expired.push({
        orderId: order.id,
        bundleId: order.bundleId,
        advertiserAccountId: moved.value.advertiserAccountId,
        workspaceId: moved.value.workspaceId,
      });
    }
    return expired;
  });
}
