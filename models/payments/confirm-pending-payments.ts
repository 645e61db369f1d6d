import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { orders, type Currency } from '../orders/table.js';
import type { StripeGateway } from '../providers/stripe.js';
import type { YooKassaGateway } from '../providers/yookassa.js';
import { markOrderPaymentFailed } from './cancel-order-payment.js';
import { recordOrderPayment, type OrderPaymentOutcome } from './record-order-payment.js';
import { payments } from './table.js';

/** How often a payment still open at its provider is asked about again. */
export const recheckEveryMs = 3 * 60_000;
/** How long an order waits for a payment the provider still calls open (then it expires). */
export const confirmationLimitMs = 24 * 3_600_000;

/** The provider calls this needs (a fake object in unit tests). */
export interface PaymentStatusSources {
  stripe?: Pick<StripeGateway, 'retrieveCheckout'>;
  yookassa?: Pick<YooKassaGateway, 'getPayment'>;
}

interface Waiting {
  paymentId: string;
  orderId: string;
  provider: 'stripe' | 'yookassa';
  providerPaymentId: string;
  amount: number;
  currency: Currency;
  createdAt: Date;
}

type ProviderAnswer =
  | { kind: 'paid'; providerPaymentId: string; amount: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'open' };

export type ConfirmOutcome =
  | { kind: 'paid'; outcome: OrderPaymentOutcome }
  | { kind: 'failed'; orderId: string; orderStatus: string }
  | { kind: 'open' | 'unreachable'; orderId: string };

/** Orders past their hold whose external payment is pending at the provider and due a re-check. */
function dueForCheck(database: Database, now: Date, limit: number): Promise<Waiting[]> {
  return database.withSystem('payments: external payments awaiting confirmation', async (tx) => {
    const checkedBefore = new Date(now.getTime() - recheckEveryMs).toISOString();
    const rows = await tx
      .select({
        paymentId: payments.id,
        orderId: payments.orderId,
        provider: payments.provider,
        providerPaymentId: payments.providerPaymentId,
        amount: payments.amount,
        currency: payments.currency,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(
        and(
          eq(payments.status, 'pending'),
          inArray(payments.provider, ['stripe', 'yookassa']),
          isNotNull(payments.providerPaymentId),
          eq(orders.status, 'awaiting_payment'),
          lte(orders.holdExpiresAt, now),
          or(
            sql`${payments.details}->>'lastCheckedAt' is null`,
            sql`(${payments.details}->>'lastCheckedAt')::timestamptz <= ${checkedBefore}::timestamptz`,
          ),
        ),
      )
      .orderBy(asc(payments.updatedAt))
      .limit(limit);
    return rows.flatMap((r) =>
      r.orderId && r.providerPaymentId && (r.provider === 'stripe' || r.provider === 'yookassa')
        ? [
            {
              ...r,
              orderId: r.orderId,
              providerPaymentId: r.providerPaymentId,
              provider: r.provider,
            },
          ]
        : [],
    );
  });
}

async function askProvider(sources: PaymentStatusSources, w: Waiting): Promise<ProviderAnswer> {
  if (w.provider === 'stripe') {
    if (!sources.stripe) throw new Error('stripe not configured');
    const state = await sources.stripe.retrieveCheckout(w.providerPaymentId);
    if (state.status === 'complete' && state.paymentStatus === 'paid')
      return {
        kind: 'paid',
        providerPaymentId: state.paymentIntentId ?? w.providerPaymentId,
        amount: w.amount,
      };
    return state.status === 'expired' ? { kind: 'failed', reason: 'expired' } : { kind: 'open' };
  }
  if (!sources.yookassa) throw new Error('yookassa not configured');
  const payment = await sources.yookassa.getPayment(w.providerPaymentId);
  if (payment.status === 'succeeded' && payment.paid)
    return { kind: 'paid', providerPaymentId: payment.id, amount: payment.amount };
  if (payment.status === 'canceled')
    return { kind: 'failed', reason: payment.cancellationReason ?? 'canceled' };
  return { kind: 'open' };
}

/** Notes the time of the last check on the payment (so it is asked again only every few minutes). */
function noteChecked(database: Database, w: Waiting, at: Date) {
  return database.withSystem('payments: note a provider status check', (tx) =>
    tx
      .update(payments)
      .set({
        details: sql`${payments.details} || ${JSON.stringify({ lastCheckedAt: at.toISOString() })}::jsonb`,
      })
      .where(eq(payments.id, w.paymentId)),
  );
}

/**
 * The hold-expiry companion for Stripe/YooKassa: an order past its hold whose payment is still
 * pending is never expired blindly. Every few minutes the provider is asked: paid ⇒
 * recordOrderPayment; cancelled/expired ⇒ markOrderPaymentFailed (order expired, slots freed);
 * still open ⇒ kept, at most confirmationLimitMs after the payment was opened, then failed.
 */
export async function confirmPendingPayments(
  database: Database,
  sources: PaymentStatusSources,
  clock: Clock,
  limit = 50,
): Promise<ConfirmOutcome[]> {
  const results: ConfirmOutcome[] = [];
  for (const w of await dueForCheck(database, clock.now(), limit)) {
    const now = clock.now();
    const answer = await askProvider(sources, w).catch(() => undefined);
    const timedOut = now.getTime() - w.createdAt.getTime() > confirmationLimitMs;
    if (answer?.kind === 'paid') {
      const paid = await recordOrderPayment(
        database,
        {
          provider: w.provider,
          providerPaymentId: answer.providerPaymentId,
          orderId: w.orderId,
          amount: answer.amount,
          currency: w.currency,
          details: { confirmedBy: 'status_check' },
        },
        clock,
      );
      if (paid.ok) {
        results.push({ kind: 'paid', outcome: paid.value });
        continue;
      }
    }
    if (answer?.kind === 'failed' || (timedOut && answer?.kind !== 'paid')) {
      const reason = answer?.kind === 'failed' ? answer.reason : 'confirmation_timeout';
      const failed = await markOrderPaymentFailed(
        database,
        { provider: w.provider, providerPaymentId: w.providerPaymentId, reason },
        clock,
      );
      if (failed.ok) {
        results.push({ kind: 'failed', orderId: w.orderId, orderStatus: failed.value.orderStatus });
        continue;
      }
    }
    await noteChecked(database, w, now);
    results.push({ kind: answer ? 'open' : 'unreachable', orderId: w.orderId });
  }
  return results;
}
