import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orderItems, orders, type Currency } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { payments, type PaymentProvider } from '../payments/table.js';
import { transitionOrderPayments } from '../payments/transition-payment.js';

/** Engineer Y's readiness check (creative present, marking complete, content allowed). */
export type OrderReadiness = (
  tx: Tx,
  orderId: string,
) => Promise<Result<void, 'no_creative' | 'marking_required' | 'content_refused'>>;

export type PayableCode =
  | 'not_found'
  | 'not_payable'
  | 'hold_expired'
  | 'empty'
  | 'no_creative'
  | 'marking_required'
  | 'content_refused';

export interface PayableOrder {
  status: 'held' | 'awaiting_payment';
  total: number;
  currency: Currency;
  items: { slotId: string; format: string; price: number }[];
}

/**
 * Locks the advertiser's order and checks it may be paid now: held or awaiting payment, a live
 * hold, at least one item, and ready (creative, marking, content).
 */
export async function lockPayableOrder(
  tx: Tx,
  input: { accountId: string; orderId: string; readiness: OrderReadiness },
  now: Date,
): Promise<Result<PayableOrder, PayableCode>> {
  const [order] = await tx
    .select({
      status: orders.status,
      holdExpiresAt: orders.holdExpiresAt,
      total: orders.total,
      currency: orders.currency,
    })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.advertiserAccountId, input.accountId)))
    .for('update');
  if (!order) return fail('not_found');
  if (order.status !== 'held' && order.status !== 'awaiting_payment') return fail('not_payable');
  if (!order.holdExpiresAt || order.holdExpiresAt.getTime() <= now.getTime())
    return fail('hold_expired');
  const items = await tx
    .select({ slotId: orderItems.slotId, format: orderItems.format, price: orderItems.price })
    .from(orderItems)
    .where(eq(orderItems.orderId, input.orderId));
  if (items.length === 0) return fail('empty');
  const ready = await input.readiness(tx, input.orderId);
  if (!ready.ok) return fail(ready.code);
  return ok({ status: order.status, total: order.total, currency: order.currency, items });
}

/** held → awaiting_payment (no-op when already awaiting); false when the order moved meanwhile. */
export async function markAwaitingPayment(
  tx: Tx,
  order: { orderId: string; accountId: string; status: PayableOrder['status'] },
  at: Date,
): Promise<boolean> {
  if (order.status !== 'held') return true;
  const moved = await transitionOrder(tx, {
    orderId: order.orderId,
    from: ['held'],
    to: 'awaiting_payment',
    actor: `account:${order.accountId}`,
    at,
  });
  return moved.ok;
}

/** Voids the order's pending payments of other providers: one live pending payment per order. */
export async function cancelOtherPending(
  tx: Tx,
  orderId: string,
  keep: PaymentProvider,
  at: Date,
): Promise<void> {
  await transitionOrderPayments(tx, {
    orderId,
    from: ['pending'],
    to: 'cancelled',
    at,
    where: ne(payments.provider, keep),
  });
}
