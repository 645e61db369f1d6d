import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { starsFor, type StarsRates } from '../payments/stars-amount.js';
import { payments } from '../payments/table.js';
import { orderVersion, invoicePayload } from './payload.js';
import { cancelOtherPending, type OrderReadiness, type PayableCode } from './payable-order.js';
import { preparePayableOrder, type PaymentPreparation } from './prepare-payable.js';

export type { OrderReadiness } from './payable-order.js';

export type PrepareInvoiceCode = PayableCode;

export interface PreparedInvoice {
  orderId: string;
  workspaceId: string;
  stars: number;
  total: number;
  currency: Currency;
  payload: string;
}

/**
 * Keeps the Stars invoice link made for the order's pending payment of this very payload (the
 * partner API shows it when the order is read again); 'not_pending' when that payment is gone or
 * was refreshed meanwhile.
 */
export async function attachInvoiceLink(
  database: Database,
  input: { accountId: string; workspaceId: string; orderId: string; payload: string; link: string },
  clock: Clock,
): Promise<Result<void, 'not_pending'>> {
  const updated = await database.withScope(
    { workspaceId: input.workspaceId, accountId: input.accountId },
    (tx) =>
      tx
        .update(payments)
        .set({ confirmationUrl: input.link, updatedAt: clock.now() })
        .where(
          and(
            eq(payments.orderId, input.orderId),
            eq(payments.provider, 'stars'),
            eq(payments.status, 'pending'),
            sql`${payments.details}->>'payload' = ${input.payload}`,
          ),
        )
        .returning({ id: payments.id }),
  );
  return updated.length > 0 ? ok(undefined) : fail('not_pending');
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
    // A new payload voids an invoice link made for the old one (its pre-checkout would be refused).
    .set({ amount: row.stars, details, confirmationUrl: null, updatedAt: at })
    .where(
      and(
        eq(payments.orderId, row.orderId),
        eq(payments.provider, 'stars'),
        eq(payments.status, 'pending'),
      ),
    )
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

/** The Stars method's preparation: its amount, the payload version and the pending row. */
export function starsPreparation(input: {
  accountId: string;
  orderId: string;
  rates: StarsRates;
}): PaymentPreparation<PreparedInvoice, never> {
  const { accountId, orderId } = input;
  return async (tx, order, { workspaceId, now }) => {
    const stars = starsFor(order.total, order.currency, input.rates);
    const version = orderVersion({
      items: order.items,
      total: order.total,
      currency: order.currency,
      stars,
    });
    const payload = invoicePayload(orderId, version);
    await cancelOtherPending(tx, orderId, 'stars', now);
    await upsertPendingPayment(tx, { orderId, workspaceId, accountId, stars, payload }, now);
    return ok({
      orderId,
      workspaceId,
      stars,
      total: order.total,
      currency: order.currency,
      payload,
    });
  };
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
  return preparePayableOrder(database, input, clock, starsPreparation(input));
}
