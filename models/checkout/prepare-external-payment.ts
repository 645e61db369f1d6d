import { and, eq, like, ne } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { payments, type PaymentStatus } from '../payments/table.js';
import { transitionOrderPayments, transitionPayment } from '../payments/transition-payment.js';
import { expectMoved } from '../state-machine.js';
import type { ExternalProvider } from '../providers/types.js';
import { orderVersion } from './payload.js';
import { cancelOtherPending, type OrderReadiness, type PayableCode } from './payable-order.js';
import { paymentMethodsFor } from './payment-methods.js';
import { preparePayableOrder, type PaymentPreparation } from './prepare-payable.js';

export type PrepareExternalCode = PayableCode | 'method_unavailable';

export interface PreparedExternalPayment {
  orderId: string;
  workspaceId: string;
  paymentId: string;
  /** Stable for this order version and provider: a repeated create returns the same payment. */
  idempotencyKey: string;
  amount: number;
  currency: Currency;
  /** Set when the provider already gave a link for this very payment (reuse it, call nothing). */
  confirmationUrl: string | null;
}

/** An earlier payment of this very key serves again: a cancelled one (by us, not the provider) reopens. */
async function reopenPayment(
  tx: Tx,
  payment: { id: string; status: PaymentStatus; confirmationUrl: string | null },
  at: Date,
): Promise<{ id: string; confirmationUrl: string | null }> {
  if (payment.status === 'pending') {
    await tx.update(payments).set({ updatedAt: at }).where(eq(payments.id, payment.id));
  } else {
    const moved = await transitionPayment(tx, {
      paymentId: payment.id,
      from: ['cancelled'],
      to: 'pending',
      at,
    });
    expectMoved(moved, `payment ${payment.id} → pending`);
  }
  return { id: payment.id, confirmationUrl: payment.confirmationUrl };
}

/** The Stripe/YooKassa preparation: the provider suits the currency; its pending row, keyed. */
export function externalPreparation(input: {
  accountId: string;
  orderId: string;
  provider: ExternalProvider;
}): PaymentPreparation<PreparedExternalPayment, 'method_unavailable' | 'not_payable'> {
  const { accountId, orderId, provider } = input;
  return async (tx, order, { workspaceId, now }) => {
    const everywhere = { stripe: true, yookassa: true };
    if (!paymentMethodsFor(order.currency, everywhere).includes(provider))
      return fail('method_unavailable');
    const version = orderVersion({ ...order, stars: 0 });
    const baseKey = `order:${orderId}:${version}:${provider}`;
    await cancelOtherPending(tx, orderId, provider, now);
    const earlier = await tx
      .select({
        id: payments.id,
        key: payments.idempotencyKey,
        status: payments.status,
        details: payments.details,
        confirmationUrl: payments.confirmationUrl,
      })
      .from(payments)
      .where(and(eq(payments.orderId, orderId), like(payments.idempotencyKey, `${baseKey}%`)));
    // A payment the provider cancelled or expired cannot be reused: a new key makes a new one.
    const reusable = earlier.find(
      (p) => p.status === 'pending' || (p.status === 'cancelled' && !p.details.cancelReason),
    );
    const idempotencyKey =
      reusable?.key ?? (earlier.length === 0 ? baseKey : `${baseKey}:${earlier.length + 1}`);
    await transitionOrderPayments(tx, {
      orderId,
      from: ['pending'],
      to: 'cancelled',
      at: now,
      where: and(eq(payments.provider, provider), ne(payments.idempotencyKey, idempotencyKey)),
    });
    const reopened = reusable && (await reopenPayment(tx, reusable, now));
    const row =
      reopened ??
      (
        await tx
          .insert(payments)
          .values({
            workspaceId,
            accountId,
            purpose: 'order',
            orderId,
            provider,
            idempotencyKey,
            amount: order.total,
            currency: order.currency,
            status: 'pending',
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: payments.id, confirmationUrl: payments.confirmationUrl })
      )[0];
    if (!row) return fail('not_payable');
    return ok({
      orderId,
      workspaceId,
      paymentId: row.id,
      idempotencyKey,
      amount: order.total,
      currency: order.currency,
      confirmationUrl: row.confirmationUrl,
    });
  };
}

/**
 * Readies an order for payment by Stripe or YooKassa: the same checks as a Stars invoice, the
 * currency must suit the provider, the order moves held → awaiting_payment, other pending payments
 * are voided and this provider's pending row is opened (or reopened) under the idempotency key
 * `order:<orderId>:<version>:<provider>` — the edge calls the gateway with that key.
 */
export async function prepareExternalPayment(
  database: Database,
  input: {
    accountId: string;
    orderId: string;
    provider: ExternalProvider;
    readiness: OrderReadiness;
  },
  clock: Clock,
): Promise<Result<PreparedExternalPayment, PrepareExternalCode>> {
  return preparePayableOrder(database, input, clock, externalPreparation(input));
}

/**
 * Stores what the gateway answered for a prepared payment: its id at the provider (Stripe checkout
 * session, YooKassa payment) and the confirmation link. Only while the row is still pending.
 */
export async function attachProviderPayment(
  database: Database,
  input: {
    accountId: string;
    workspaceId: string;
    paymentId: string;
    providerPaymentId: string;
    confirmationUrl: string;
  },
  clock: Clock,
): Promise<Result<void, 'not_pending'>> {
  return database.withScope(
    { workspaceId: input.workspaceId, accountId: input.accountId },
    async (tx) => {
      const updated = await tx
        .update(payments)
        .set({
          providerPaymentId: input.providerPaymentId,
          confirmationUrl: input.confirmationUrl,
          updatedAt: clock.now(),
        })
        .where(and(eq(payments.id, input.paymentId), eq(payments.status, 'pending')))
        .returning({ id: payments.id });
      return updated.length > 0 ? ok(undefined) : fail('not_pending');
    },
  );
}
