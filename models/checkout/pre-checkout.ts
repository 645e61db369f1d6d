import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orderItems, orders } from '../orders/table.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { transitionOrder } from '../orders/transition-order.js';
import { payments } from '../payments/table.js';
import { transitionOrderPayments } from '../payments/transition-payment.js';
import { slots } from '../slots/table.js';
import { orderVersion, parseInvoicePayload } from './payload.js';
import { advertiserOrder } from './queries.js';

/** How long an approved pre-checkout keeps the hold alive, so it cannot expire mid-payment. */
export const paymentGraceMs = 5 * 60_000;

export type PreCheckoutCode =
  'unknown_order' | 'not_awaiting_payment' | 'hold_expired' | 'order_changed';

export interface PreCheckoutInput {
  accountId: string;
  payload: string;
  currency: string;
  totalAmount: number;
}

/** An expired hold found at pre-checkout: the order expires now and its slots are freed. */
async function expireNow(tx: Tx, orderId: string, accountId: string, at: Date): Promise<void> {
  const moved = await transitionOrder(tx, {
    orderId,
    from: ['awaiting_payment'],
    to: 'expired',
    actor: `account:${accountId}`,
    reason: 'hold_expired',
    at,
    set: { holdExpiresAt: null, statusReason: 'hold_expired' },
  });
  if (!moved.ok) return;
  await releaseOrderSlots(tx, orderId, at);
  await transitionOrderPayments(tx, { orderId, from: ['pending'], to: 'cancelled', at });
}

/**
 * Decides a pre_checkout_query: the order must be awaiting payment with a live hold, and the
 * invoice must match it exactly (payload version recomputed from the items, amount and currency).
 * OK ⇒ the hold (order and slots) is extended by paymentGraceMs. An expired hold expires the order
 * at once and frees its slots.
 */
export async function checkPreCheckout(
  database: Database,
  input: PreCheckoutInput,
  clock: Clock,
): Promise<Result<{ orderId: string }, PreCheckoutCode>> {
  const parsed = parseInvoicePayload(input.payload);
  if (!parsed) return fail('unknown_order');
  const { accountId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, parsed.orderId),
  );
  if (!ref) return fail('unknown_order');
  return database.withScope({ workspaceId: ref.workspaceId, accountId }, async (tx) => {
    const now = clock.now();
    const [order] = await tx
      .select({
        status: orders.status,
        holdExpiresAt: orders.holdExpiresAt,
        total: orders.total,
        currency: orders.currency,
      })
      .from(orders)
      .where(eq(orders.id, ref.id))
      .for('update');
    if (!order || order.status !== 'awaiting_payment') return fail('not_awaiting_payment');
    if (!order.holdExpiresAt || order.holdExpiresAt.getTime() <= now.getTime()) {
      await expireNow(tx, ref.id, accountId, now);
      return fail('hold_expired');
    }
    const [pending] = await tx
      .select({ amount: payments.amount, details: payments.details })
      .from(payments)
      .where(
        and(
          eq(payments.orderId, ref.id),
          eq(payments.provider, 'stars'),
          eq(payments.status, 'pending'),
        ),
      )
      .limit(1);
    const items = await tx
      .select({ slotId: orderItems.slotId, format: orderItems.format, price: orderItems.price })
      .from(orderItems)
      .where(eq(orderItems.orderId, ref.id));
    const version = pending
      ? orderVersion({ items, total: order.total, currency: order.currency, stars: pending.amount })
      : '';
    if (
      !pending ||
      pending.details.payload !== input.payload ||
      version !== parsed.version ||
      input.currency !== 'XTR' ||
      input.totalAmount !== pending.amount
    )
      return fail('order_changed');
    const until = new Date(Math.max(order.holdExpiresAt.getTime(), now.getTime() + paymentGraceMs));
    await tx.update(orders).set({ holdExpiresAt: until }).where(eq(orders.id, ref.id));
    await tx
      .update(slots)
      .set({ holdExpiresAt: until })
      .where(and(eq(slots.orderId, ref.id), inArray(slots.status, ['held'])));
    return ok({ orderId: ref.id });
  });
}
