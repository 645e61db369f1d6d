import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orderItems, orders, type Currency } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { starsFor, type StarsRates } from '../payments/stars-amount.js';
import { payments } from '../payments/table.js';
import { orderVersion, invoicePayload } from './payload.js';
import { advertiserOrder } from './queries.js';

/** Engineer Y's readiness check (creative present, marking complete, content allowed). */
export type OrderReadiness = (
  tx: Tx,
  orderId: string,
) => Promise<Result<void, 'no_creative' | 'marking_required' | 'content_refused'>>;

export type PrepareInvoiceCode =
  | 'not_found'
  | 'not_payable'
  | 'hold_expired'
  | 'empty'
  | 'no_creative'
  | 'marking_required'
  | 'content_refused';

export interface PreparedInvoice {
  orderId: string;
  workspaceId: string;
  stars: number;
  total: number;
  currency: Currency;
  payload: string;
}

/** Creates or refreshes the order's pending Stars payment row (one per order). */
async function upsertPendingPayment(
  tx: Tx,
  row: { orderId: string; workspaceId: string; accountId: string; stars: number; payload: string },
  at: Date,
): Promise<void> {
  const details = { payload: row.payload };
  const updated = await tx
    .update(payments)
    .set({ amount: row.stars, details, updatedAt: at })
    .where(and(eq(payments.orderId, row.orderId), eq(payments.status, 'pending')))
    .returning({ id: payments.id });
  if (updated.length > 0) return;
  await tx.insert(payments).values({
    workspaceId: row.workspaceId,
    accountId: row.accountId,
    purpose: 'order',
    orderId: row.orderId,
    provider: 'stars',
    amount: row.stars,
    currency: 'XTR',
    status: 'pending',
    details,
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Readies one order of a checkout for a Stars invoice: it must be the advertiser's, held (or already
 * awaiting payment) with a live hold, non-empty and ready (creative, marking, content). Computes the
 * Stars amount and the payload version, stores the pending payment row and moves held →
 * awaiting_payment.
 */
export async function prepareInvoice(
  database: Database,
  input: { accountId: string; orderId: string; rates: StarsRates; readiness: OrderReadiness },
  clock: Clock,
): Promise<Result<PreparedInvoice, PrepareInvoiceCode>> {
  const { accountId, orderId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, orderId),
  );
  if (!ref) return fail('not_found');
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
      .where(and(eq(orders.id, orderId), eq(orders.advertiserAccountId, accountId)))
      .for('update');
    if (!order) return fail('not_found');
    if (order.status !== 'held' && order.status !== 'awaiting_payment') return fail('not_payable');
    if (!order.holdExpiresAt || order.holdExpiresAt.getTime() <= now.getTime())
      return fail('hold_expired');
    const items = await tx
      .select({ slotId: orderItems.slotId, format: orderItems.format, price: orderItems.price })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId));
    if (items.length === 0) return fail('empty');
    const ready = await input.readiness(tx, orderId);
    if (!ready.ok) return fail(ready.code);
    const stars = starsFor(order.total, order.currency, input.rates);
    const version = orderVersion({ items, total: order.total, currency: order.currency, stars });
    const payload = invoicePayload(orderId, version);
    await upsertPendingPayment(
      tx,
      { orderId, workspaceId: ref.workspaceId, accountId, stars, payload },
      now,
    );
    if (order.status === 'held') {
      const moved = await transitionOrder(tx, {
        orderId,
        from: ['held'],
        to: 'awaiting_payment',
        actor: `account:${accountId}`,
        at: now,
      });
      if (!moved.ok) return fail('not_payable');
    }
    return ok({
      orderId,
      workspaceId: ref.workspaceId,
      stars,
      total: order.total,
      currency: order.currency,
      payload,
    });
  });
}
