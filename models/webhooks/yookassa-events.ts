import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import {
  YooKassaError,
  type YooKassaGateway,
  type YooKassaPayment,
} from '../providers/yookassa.js';
import { extendSubscription } from '../subscriptions/activate-subscription.js';
import { proPeriodMs } from '../subscriptions/pricing.js';
import { processWebhookAfter } from './process-once.js';
import { markOrderPaymentFailed } from '../payments/cancel-order-payment.js';
import { handleOrderPaymentOutcome, type PaidOrder } from '../payments/order-payment-outcome.js';
import { recordOrderPayment } from '../payments/record-order-payment.js';
import { reconcileProviderRefund } from '../payments/refund-order.js';
import { payments } from '../payments/table.js';

/** A notification that came from YooKassa's addresses; what it claims is checked with the API. */
export interface YooKassaNotice {
  event: string;
  objectId: string;
  payload: Record<string, unknown>;
}

export interface YooKassaEventDeps {
  /** getPayment/getRefund re-fetch what a notification claims; refund returns an orphan payment. */
  gateway: Pick<YooKassaGateway, 'getPayment' | 'getRefund' | 'refund'>;
}

/** A newly paid order and where routing sent it: the edge tells its owner and advertiser. */
export type { PaidOrder };

export type YooKassaEventOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ignored'; reason: string }
  | { kind: 'processed'; action: 'order_paid'; paid: PaidOrder }
  | {
      kind: 'processed';
      action:
        | 'order_already_paid'
        | 'orphan_refunded'
        | 'subscription_extended'
        | 'payment_cancelled'
        | 'refund_reconciled';
    };

export type YooKassaEventCode =
  | 'not_confirmed'
  | 'contradicted'
  | 'unknown_object'
  | 'unknown_order'
  | 'amount_mismatch'
  | 'bad_metadata';

type Handled = Result<YooKassaEventOutcome, YooKassaEventCode>;

const provider = 'yookassa' as const;

/**
 * Handles one YooKassa notification: the object is re-fetched by id and only the API's answer is
 * acted on (payment.succeeded ⇒ order paid or Pro extended, payment.canceled ⇒ order payment
 * failed, refund.succeeded ⇒ refund reconciled). Exactly once per `<event>:<object id>`: each step
 * is idempotent by the provider's own ids and opens its own transactions, so the event is recorded
 * after it succeeded (processWebhookAfter). A refusal records nothing and YooKassa delivers again.
 */
export async function handleYooKassaNotification(
  database: Database,
  deps: YooKassaEventDeps,
  notice: YooKassaNotice,
  clock: Clock,
): Promise<Handled> {
  const handler = handlers.get(notice.event);
  if (!handler) return ok({ kind: 'ignored', reason: `event ${notice.event}` });
  let outcome: Handled | undefined;
  const recorded = await processWebhookAfter(
    database,
    { provider, eventId: `${notice.event}:${notice.objectId}`, payload: notice.payload },
    async () => {
      outcome = await handler(database, deps, notice.objectId, clock);
      if (!outcome.ok) throw new Refused();
    },
    clock,
  ).catch((err: unknown) => {
    if (err instanceof Refused) return 'refused' as const;
    throw err;
  });
  // The handler did not run: this event was processed before. When it ran, its own outcome counts
  // (a paid order is told about even if another process recorded the event a moment earlier).
  if (recorded === 'duplicate' && !outcome) return ok({ kind: 'duplicate' });
  if (!outcome) throw new Error('YooKassa notification handler did not run');
  return outcome;
}

/** Thrown out of the handle so the event stays unrecorded; never leaves this module. */
class Refused extends Error {}

type Handler = (
  database: Database,
  deps: YooKassaEventDeps,
  objectId: string,
  clock: Clock,
) => Promise<Handled>;

const handlers = new Map<string, Handler>([
  ['payment.succeeded', paymentSucceeded],
  ['payment.canceled', paymentCanceled],
  ['refund.succeeded', refundSucceeded],
]);

/** getPayment, with 404 as a value (not this shop's payment). */
async function fetchPayment(
  deps: YooKassaEventDeps,
  id: string,
): Promise<YooKassaPayment | undefined> {
  try {
    return await deps.gateway.getPayment(id);
  } catch (err) {
    if (err instanceof YooKassaError && err.status === 404) return undefined;
    throw err;
  }
}

/** The order our payments row links to this YooKassa payment, if any (a cross-tenant read). */
async function orderOfPayment(database: Database, providerPaymentId: string) {
  return database.withSystem('payments: find the order of a YooKassa payment', async (tx) => {
    const [row] = await tx
      .select({ orderId: payments.orderId })
      .from(payments)
      .where(
        and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)),
      );
    return row?.orderId ?? undefined;
  });
}

async function paymentSucceeded(
  database: Database,
  deps: YooKassaEventDeps,
  id: string,
  clock: Clock,
): Promise<Handled> {
  const payment = await fetchPayment(deps, id);
  if (!payment) return fail('unknown_object');
  if (payment.status === 'canceled') return fail('contradicted', { status: payment.status });
  if (payment.status !== 'succeeded' || !payment.paid) {
    return fail('not_confirmed', { status: payment.status });
  }
  if (payment.currency !== 'RUB') return fail('amount_mismatch', { currency: payment.currency });
  const money = { amount: payment.amount, currency: 'RUB' as const };
  const { metadata } = payment;
  if (metadata.purpose === 'subscription') {
    if (!metadata.workspaceId) return fail('bad_metadata');
    const periodStart = clock.now();
    const extended = await extendSubscription(
      database,
      {
        workspaceId: metadata.workspaceId,
        provider,
        periodStart,
        periodEnd: new Date(periodStart.getTime() + proPeriodMs),
        payment: { providerPaymentId: payment.id, ...money },
      },
      clock,
    );
    if (!extended.ok) return fail('bad_metadata', { code: extended.code });
    return ok({ kind: 'processed', action: 'subscription_extended' });
  }
  // Our own row names the order; metadata covers a payment whose id was never attached (a crash
  // between the create and storing its answer).
  const orderId = (await orderOfPayment(database, payment.id)) ?? metadata.orderId;
  if (!orderId) return fail('bad_metadata');
  const paid = await recordOrderPayment(
    database,
    {
      provider,
      providerPaymentId: payment.id,
      orderId,
      ...money,
      details: { yookassaStatus: payment.status },
    },
    clock,
  );
  if (!paid.ok) return fail(paid.code, paid.detail);
  return ok(
    await handleOrderPaymentOutcome(
      database,
      paid.value,
      { provider, refunders: { yookassa: deps.gateway.refund } },
      clock,
    ),
  );
}

async function paymentCanceled(
  database: Database,
  deps: YooKassaEventDeps,
  id: string,
  clock: Clock,
): Promise<Handled> {
  const payment = await fetchPayment(deps, id);
  if (!payment) return fail('unknown_object');
  if (payment.status === 'succeeded') return fail('contradicted', { status: payment.status });
  if (payment.status !== 'canceled') return fail('not_confirmed', { status: payment.status });
  if (payment.metadata.purpose === 'subscription') {
    return ok({ kind: 'ignored', reason: 'subscription payment canceled' });
  }
  const failed = await markOrderPaymentFailed(
    database,
    { provider, providerPaymentId: payment.id, reason: payment.cancellationReason ?? 'canceled' },
    clock,
  );
  if (!failed.ok) return fail('unknown_object');
  return ok({ kind: 'processed', action: 'payment_cancelled' });
}

async function refundSucceeded(
  database: Database,
  deps: YooKassaEventDeps,
  id: string,
  clock: Clock,
): Promise<Handled> {
  let refund;
  try {
    refund = await deps.gateway.getRefund(id);
  } catch (err) {
    if (err instanceof YooKassaError && err.status === 404) return fail('unknown_object');
    throw err;
  }
  if (refund.status === 'canceled') return fail('contradicted', { status: refund.status });
  if (refund.status !== 'succeeded') return fail('not_confirmed', { status: refund.status });
  const payment = await fetchPayment(deps, refund.paymentId);
  if (!payment) return fail('unknown_object');
  const reconciled = await reconcileProviderRefund(
    database,
    { provider, providerPaymentId: payment.id, refundedTotal: payment.refundedAmount },
    clock,
  );
  if (!reconciled.ok) return fail('unknown_object');
  return ok({ kind: 'processed', action: 'refund_reconciled' });
}
