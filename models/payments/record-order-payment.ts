import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { markOrderSlotsBooked } from '../orders/release-order-slots.js';
import { orders, type Currency } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { routePaidOrder, type ReviewRoute } from '../review/route-paid-order.js';
import { postPaymentToEscrow } from './escrow.js';
import { appendPaymentReceived } from './receipt.js';
import { payments, type PaymentProvider } from './table.js';
import { transitionOrderPayments, transitionPayment } from './transition-payment.js';
import { expectMoved } from '../state-machine.js';

export interface OrderPaymentInput {
  provider: PaymentProvider;
  providerPaymentId: string;
  orderId: string;
  amount: number;
  currency: Currency;
  details?: Record<string, unknown>;
}

export interface OrderIds {
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
}

/**
 * 'paid': credited and routed (status says where); 'duplicate': this provider payment was recorded
 * before, nothing changed; 'orphan': credited to escrow, but the order can no longer take it — the
 * caller refunds it at once (refundOrderPayment).
 */
export type OrderPaymentOutcome =
  | ({ kind: 'paid'; status: ReviewRoute['status']; reviewDeadlineAt: Date | null } & OrderIds)
  | ({ kind: 'duplicate' } & OrderIds)
  | ({ kind: 'orphan' } & OrderIds);

/** The order's workspace and advertiser, found across tenants (a provider webhook knows only the id). */
export function locateOrder(database: Database, orderId: string): Promise<OrderIds | undefined> {
  return database.withSystem('payments: locate the order of a provider payment', async (tx) => {
    const [row] = await tx
      .select({ workspaceId: orders.workspaceId, advertiserAccountId: orders.advertiserAccountId })
      .from(orders)
      .where(eq(orders.id, orderId));
    return row ? { orderId, ...row } : undefined;
  });
}

/** The payment row this provider payment belongs to: by its id, else the order's open row of that provider. */
async function targetRow(tx: Tx, input: OrderPaymentInput) {
  const columns = {
    id: payments.id,
    status: payments.status,
    amount: payments.amount,
    currency: payments.currency,
  };
  const [byId] = await tx
    .select(columns)
    .from(payments)
    .where(
      and(
        eq(payments.provider, input.provider),
        eq(payments.providerPaymentId, input.providerPaymentId),
      ),
    );
  if (byId) return byId;
  const [open] = await tx
    .select(columns)
    .from(payments)
    .where(
      and(
        eq(payments.orderId, input.orderId),
        eq(payments.provider, input.provider),
        inArray(payments.status, ['pending', 'cancelled', 'failed']),
      ),
    )
    .orderBy(desc(payments.status), desc(payments.updatedAt))
    .limit(1);
  return open;
}

/**
 * Records a provider's successful payment of an order exactly once per (provider, payment id), in
 * one transaction: payment succeeded, escrow posting, order awaiting_payment → paid, slots booked,
 * other pending rows of the order cancelled, routing, audit and the payer's receipt. An order that
 * can no longer take the money ⇒ recorded as an orphan (credited, to be refunded at once).
 */
export async function recordOrderPayment(
  database: Database,
  input: OrderPaymentInput,
  clock: Clock,
): Promise<Result<OrderPaymentOutcome, 'unknown_order' | 'amount_mismatch'>> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return fail('amount_mismatch');
  const ids = await locateOrder(database, input.orderId);
  if (!ids) return fail('unknown_order');
  const scope = { workspaceId: ids.workspaceId, accountId: ids.advertiserAccountId };
  return database.withScope(scope, (tx) => recordOrderPaymentInTx(tx, ids, input, clock.now()));
}

/**
 * recordOrderPayment inside the caller's transaction (scoped to the order's workspace and payer),
 * for a payment made in that very transaction (the advertiser's balance).
 */
export async function recordOrderPaymentInTx(
  tx: Tx,
  ids: OrderIds,
  input: OrderPaymentInput,
  at: Date,
): Promise<Result<OrderPaymentOutcome, 'unknown_order' | 'amount_mismatch'>> {
  const actor =
    input.provider === 'stars' || input.provider === 'balance'
      ? `account:${ids.advertiserAccountId}`
      : `provider:${input.provider}`;
  const [order] = await tx
    .select({ status: orders.status, total: orders.total, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, ids.orderId))
    .for('update');
  if (!order) return fail('unknown_order');
  const row = await targetRow(tx, input);
  if (row && ['succeeded', 'refunded', 'partially_refunded'].includes(row.status))
    return ok({ kind: 'duplicate', ...ids });
  const expected = row
    ? { amount: row.amount, currency: row.currency }
    : input.provider === 'stars'
      ? { amount: input.amount, currency: 'XTR' as const }
      : { amount: order.total, currency: order.currency };
  if (expected.amount !== input.amount || expected.currency !== input.currency)
    return fail('amount_mismatch', { expected });
  const moved = await transitionOrder(tx, {
    orderId: ids.orderId,
    from: ['awaiting_payment'],
    to: 'paid',
    actor,
    at,
    set: { paidAt: at, holdExpiresAt: null },
  });
  const paymentId = await markSucceeded(tx, input, ids, row?.id, !moved.ok, at);
  await postPaymentToEscrow(tx, {
    provider: input.provider,
    amount: input.amount,
    currency: input.currency,
    workspaceId: ids.workspaceId,
    payerAccountId: ids.advertiserAccountId,
    orderId: ids.orderId,
    chargeId: input.providerPaymentId,
    at,
  });
  await recordAudit(tx, {
    actor,
    action: 'payment.received',
    objectType: 'order',
    objectId: ids.orderId,
    data: {
      provider: input.provider,
      amount: input.amount,
      currency: input.currency,
      providerPaymentId: input.providerPaymentId,
      paymentId,
      ...(moved.ok ? {} : { orphan: true }),
    },
    at,
    workspaceId: ids.workspaceId,
  });
  if (!moved.ok) return ok({ kind: 'orphan', ...ids });
  await transitionOrderPayments(tx, {
    orderId: ids.orderId,
    from: ['pending'],
    to: 'cancelled',
    at,
    where: ne(payments.id, paymentId),
  });
  await markOrderSlotsBooked(tx, ids.orderId, at);
  const route = await routePaidOrder(
    tx,
    { id: ids.orderId, advertiserAccountId: ids.advertiserAccountId },
    actor,
    at,
  );
  await appendPaymentReceived(tx, {
    workspaceId: ids.workspaceId,
    accountId: ids.advertiserAccountId,
    orderId: ids.orderId,
    paymentId,
    provider: input.provider,
    amount: input.amount,
    currency: input.currency,
    at,
  });
  return ok({ kind: 'paid', ...ids, ...route });
}

/** The payment row becomes succeeded (inserted when the provider paid a row we never opened). */
async function markSucceeded(
  tx: Tx,
  input: OrderPaymentInput,
  ids: OrderIds,
  rowId: string | undefined,
  orphan: boolean,
  at: Date,
): Promise<string> {
  const details = { ...input.details, ...(orphan ? { orphan: true } : {}) };
  if (rowId) {
    const moved = await transitionPayment(tx, {
      paymentId: rowId,
      from: ['pending', 'cancelled', 'failed'],
      to: 'succeeded',
      at,
      set: {
        providerPaymentId: input.providerPaymentId,
        paidAt: at,
        details: sql`${payments.details} || ${JSON.stringify(details)}::jsonb`,
      },
    });
    return expectMoved(moved, `payment ${rowId} → succeeded`).id;
  }
  // Money that arrived on no open row is born succeeded (an entry state of the machine).
  const [inserted] = await tx
    .insert(payments)
    .values({
      providerPaymentId: input.providerPaymentId,
      status: 'succeeded',
      paidAt: at,
      updatedAt: at,
      workspaceId: ids.workspaceId,
      accountId: ids.advertiserAccountId,
      purpose: 'order',
      orderId: ids.orderId,
      provider: input.provider,
      amount: input.amount,
      currency: input.currency,
      details,
      createdAt: at,
    })
    .returning({ id: payments.id });
  return inserted!.id;
}
