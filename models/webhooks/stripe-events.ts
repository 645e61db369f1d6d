import type Stripe from 'stripe';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { currencies, type Currency } from '../orders/table.js';
import type { PaymentRefunder } from '../providers/types.js';
import { extendSubscription, endSubscription } from '../subscriptions/activate-subscription.js';
import { isUuid } from '../uuid.js';
import { processWebhookAfter } from './process-once.js';
import { markOrderPaymentFailed } from '../payments/cancel-order-payment.js';
import { handleOrderPaymentOutcome, type PaidOrder } from '../payments/order-payment-outcome.js';
import { recordOrderPayment } from '../payments/record-order-payment.js';
import { recordFailedProviderRefund } from '../payments/refund-failed.js';
import { reconcileProviderRefund } from '../payments/refund-order.js';

export interface StripeEventDeps {
  /** Gives an orphan payment (its order can no longer take it) straight back. */
  refund?: PaymentRefunder;
}

export type StripeEventAction =
  | 'order_paid'
  | 'order_already_paid'
  | 'orphan_refunded'
  | 'awaiting_async_payment'
  | 'payment_cancelled'
  | 'refund_reconciled'
  | 'refund_failed_credited'
  | 'subscription_extended'
  | 'subscription_ended';

/** An order this event paid (routed to moderation, review or scheduled): the edge tells the sides. */
export type StripePaidOrder = PaidOrder;

export type StripeEventOutcome =
  | { kind: 'processed'; action: 'order_paid'; paid: StripePaidOrder }
  | { kind: 'processed'; action: Exclude<StripeEventAction, 'order_paid'> }
  | { kind: 'duplicate' }
  | { kind: 'ignored'; reason: string };

/** Expected refusals: nothing changed; the event is still marked processed (a retry cannot help). */
export type StripeEventCode =
  | 'unknown_order'
  | 'amount_mismatch'
  | 'unknown_payment'
  | 'unknown_workspace'
  | 'invalid_payment'
  | 'unknown_subscription'
  | 'bad_metadata';

type Handled = Result<StripeEventOutcome, StripeEventCode>;
type Handler = (
  database: Database,
  deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
) => Promise<Handled>;

const provider = 'stripe' as const;

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : value?.id;

const currencyOf = (code: string | null | undefined): Currency | undefined => {
  const upper = (code ?? '').toUpperCase();
  return (currencies as readonly string[]).includes(upper) ? (upper as Currency) : undefined;
};

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/**
 * Handles one verified Stripe event exactly once (webhook_events, unique event id): Checkout
 * payment ⇒ recordOrderPayment (providerPaymentId = the payment_intent id, what refunds need);
 * expired / failed async payment ⇒ markOrderPaymentFailed (by the session id stored at checkout);
 * charge.refunded ⇒ reconcileProviderRefund; a refund that failed afterwards (refund.failed, or
 * refund.updated / charge.refund.updated to 'failed') ⇒ recordFailedProviderRefund; invoice.paid ⇒ extendSubscription;
 * customer.subscription.deleted ⇒ endSubscription. Every step is idempotent by Stripe's object
 * ids, and the event is marked processed only after it succeeded: a throw leaves it for Stripe's retry.
 * An id in the metadata that is not a uuid is refused as a value (it can never match), not thrown.
 */
export async function handleStripeEvent(
  database: Database,
  deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const handler = handlers[event.type];
  if (!handler) return ok({ kind: 'ignored', reason: `event ${event.type}` });
  let outcome: Handled | undefined;
  const recorded = await processWebhookAfter(
    database,
    { provider, eventId: event.id, payload: event },
    async () => {
      outcome = await handler(database, deps, event, clock);
    },
    clock,
  );
  if (recorded === 'duplicate' || !outcome) return ok({ kind: 'duplicate' });
  return outcome;
}

/** Checkout paid (at once, or later by an async method) ⇒ the order is paid. */
async function sessionPaid(
  database: Database,
  deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode !== 'payment') return ok({ kind: 'ignored', reason: `mode ${session.mode}` });
  if (session.payment_status !== 'paid')
    return ok({ kind: 'processed', action: 'awaiting_async_payment' });
  const orderId = session.metadata?.orderId ?? session.client_reference_id;
  const paymentIntentId = idOf(session.payment_intent);
  const currency = currencyOf(session.currency);
  if (!orderId || !paymentIntentId) return fail('bad_metadata');
  if (!isUuid(orderId)) return fail('unknown_order', { orderId });
  if (!currency || session.amount_total === null) return fail('amount_mismatch');
  const paid = await recordOrderPayment(
    database,
    {
      provider,
      providerPaymentId: paymentIntentId,
      orderId,
      amount: session.amount_total,
      currency,
      details: { checkoutSessionId: session.id, stripeEventId: event.id },
    },
    clock,
  );
  if (!paid.ok) return fail(paid.code, paid.detail);
  return ok(
    await handleOrderPaymentOutcome(
      database,
      paid.value,
      { provider, refunders: deps.refund ? { stripe: deps.refund } : {} },
      clock,
    ),
  );
}

/** The session expired unpaid, or its async payment failed ⇒ the pending payment is cancelled. */
async function sessionFailed(
  database: Database,
  _deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode !== 'payment') return ok({ kind: 'ignored', reason: `mode ${session.mode}` });
  const reason = event.type === 'checkout.session.expired' ? 'expired' : 'async_payment_failed';
  const failed = await markOrderPaymentFailed(
    database,
    { provider, providerPaymentId: session.id, reason },
    clock,
  );
  if (!failed.ok) return fail('unknown_payment');
  return ok({ kind: 'processed', action: 'payment_cancelled' });
}

/** Refunds of a charge (ours, or made in Stripe's dashboard) ⇒ only the unrecorded part is recorded. */
async function chargeRefunded(
  database: Database,
  _deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const charge = event.data.object as Stripe.Charge;
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return fail('unknown_payment');
  const done = await reconcileProviderRefund(
    database,
    { provider, providerPaymentId: paymentIntentId, refundedTotal: charge.amount_refunded },
    clock,
  );
  if (!done.ok) return fail(done.code);
  return ok({ kind: 'processed', action: 'refund_reconciled' });
}

/** A refund we booked failed later (closed card…) ⇒ the amount becomes the payer's credit, once. */
async function refundFailed(
  database: Database,
  _deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const refund = event.data.object as Stripe.Refund;
  if (refund.status !== 'failed') return ok({ kind: 'ignored', reason: `refund ${refund.status}` });
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return fail('unknown_payment');
  const done = await recordFailedProviderRefund(
    database,
    {
      provider,
      providerPaymentId: paymentIntentId,
      refundId: refund.id,
      amount: refund.amount,
      reason: refund.failure_reason ?? 'unknown',
    },
    clock,
  );
  if (!done.ok) return fail(done.code);
  return ok({ kind: 'processed', action: 'refund_failed_credited' });
}

/** A subscription invoice was paid (first or renewal) ⇒ Pro until the end of the paid line's period. */
async function invoicePaid(
  database: Database,
  _deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const invoice = event.data.object as Stripe.Invoice;
  const details = invoice.parent?.subscription_details;
  if (!details) return ok({ kind: 'ignored', reason: 'not a subscription invoice' });
  const workspaceId = details.metadata?.workspaceId;
  const subscriptionId = idOf(details.subscription);
  const currency = currencyOf(invoice.currency);
  const periods = invoice.lines.data.map((line) => line.period);
  if (!isUuid(workspaceId) || !subscriptionId || periods.length === 0)
    return fail('bad_metadata', { workspaceId });
  if (!currency || invoice.amount_paid <= 0) return fail('invalid_payment');
  const extended = await extendSubscription(
    database,
    {
      workspaceId,
      provider,
      providerSubscriptionId: subscriptionId,
      periodStart: fromUnix(Math.min(...periods.map((p) => p.start))),
      periodEnd: fromUnix(Math.max(...periods.map((p) => p.end))),
      payment: { providerPaymentId: invoice.id ?? event.id, amount: invoice.amount_paid, currency },
    },
    clock,
  );
  if (!extended.ok) return fail(extended.code);
  return ok({ kind: 'processed', action: 'subscription_extended' });
}

/** The Stripe subscription ended ⇒ no renewal; what was paid stays until its period end. */
async function subscriptionDeleted(
  database: Database,
  _deps: StripeEventDeps,
  event: Stripe.Event,
  clock: Clock,
): Promise<Handled> {
  const subscription = event.data.object as Stripe.Subscription;
  const endedAt = subscription.ended_at ?? subscription.canceled_at;
  const workspaceId = subscription.metadata?.workspaceId;
  if (workspaceId && !isUuid(workspaceId)) return fail('bad_metadata', { workspaceId });
  const ended = await endSubscription(
    database,
    {
      ...(workspaceId ? { workspaceId } : {}),
      provider,
      providerSubscriptionId: subscription.id,
      ...(endedAt ? { at: fromUnix(endedAt) } : {}),
      actor: `provider:${provider}`,
    },
    clock,
  );
  if (!ended.ok) return fail(ended.code);
  return ok({ kind: 'processed', action: 'subscription_ended' });
}

const handlers: Partial<Record<string, Handler>> = {
  'checkout.session.completed': sessionPaid,
  'checkout.session.async_payment_succeeded': sessionPaid,
  'checkout.session.expired': sessionFailed,
  'checkout.session.async_payment_failed': sessionFailed,
  'charge.refunded': chargeRefunded,
  'refund.failed': refundFailed,
  'refund.updated': refundFailed,
  'charge.refund.updated': refundFailed,
  'invoice.paid': invoicePaid,
  'customer.subscription.deleted': subscriptionDeleted,
};
