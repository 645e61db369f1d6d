import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import type {
  PaymentRefunder,
  PaymentRefunders,
  ProviderRefundOutcome,
} from '../providers/types.js';
import { heldOrderPayment, type HeldPayment } from './queries.js';
import {
  markOrderRefunded,
  recordRefund,
  recordRefundFailure,
  refundableOf,
} from './record-refund.js';
import { clearRefundIntent, markRefundIntent } from './refund-intent.js';
import type { PaymentProvider } from './table.js';

export { reconcileProviderRefund } from './reconcile-refund.js';

/** What the Telegram side answered to refundStarPayment. */
export type StarsRefundOutcome =
  { ok: true } | { ok: false; alreadyRefunded: boolean; error: string };

/** Calls refundStarPayment (the bot edge supplies it; models never talk to Telegram). */
export type StarsRefunder = (
  payerTelegramId: number,
  chargeId: string,
) => Promise<StarsRefundOutcome>;

/** A StarsRefunder as a PaymentRefunder (Stars refunds are whole charges only). */
export function starsPaymentRefunder(refund: StarsRefunder): PaymentRefunder {
  return async (request) => {
    const outcome = await refund(request.payerTelegramId, request.providerPaymentId);
    return outcome.ok
      ? { ok: true, refundId: request.providerPaymentId, status: 'succeeded' }
      : { ...outcome, retryable: !outcome.alreadyRefunded };
  };
}

/** The money of a balance payment never left the ledger: its refund is only the credit posting. */
const balanceRefunder: PaymentRefunder = (request) =>
  Promise.resolve({ ok: true, refundId: request.providerPaymentId, status: 'succeeded' });

export interface RefundInput {
  workspaceId: string;
  orderId: string;
  actor: string;
  /** The refund function of each configured provider (createPaymentProviders + the bot's Stars). */
  refunders?: PaymentRefunders;
  /** Stars only, as before: used when `refunders.stars` is not given. */
  refund?: StarsRefunder;
}

export interface RefundDone {
  orderId: string;
  /** Recorded now, in the payment's currency (whole stars for XTR). */
  amount: number;
  /** Of `amount`, what was credited to the advertiser's balance instead of paid back. */
  credited: number;
  currency: Currency;
  provider: PaymentProvider;
  payerTelegramId: number;
}

type RefundCode = 'nothing_to_refund' | 'amount_too_large' | 'refund_failed';

function refunderFor(input: RefundInput, provider: PaymentProvider): PaymentRefunder | undefined {
  if (provider === 'balance') return balanceRefunder;
  const given = input.refunders?.[provider];
  if (given) return given;
  return provider === 'stars' && input.refund ? starsPaymentRefunder(input.refund) : undefined;
}

/**
 * Gives back `amount` (undefined = all that is left) of the order's payment: through its provider,
 * except that Stars refund only whole untouched charges — a part of a Stars payment is credited to
 * `advertiser:<account>` instead, and a balance payment always goes back to that credit. Then one transaction records what is not recorded yet. A provider
 * failure is noted on the payment and returns 'refund_failed' (the payment keeps its money, which
 * is what the refunds job retries); never lost, never doubled.
 */
async function refundHeld(
  database: Database,
  input: RefundInput & { amount?: number },
  clock: Clock,
): Promise<Result<RefundDone, RefundCode>> {
  const scope = { workspaceId: input.workspaceId };
  const held = await database.withScope(scope, (tx) => heldOrderPayment(tx, input.orderId));
  if (!held) return fail('nothing_to_refund');
  const left = refundableOf(held);
  if (left <= 0) return fail('nothing_to_refund');
  const amount = input.amount ?? left;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left)
    return fail('amount_too_large', { left });
  const untouched = held.refundedAmount === 0 && (held.settlement?.credited ?? 0) === 0;
  const wholeStars = held.provider === 'stars' && untouched;
  // A balance payment goes back where it came from: the advertiser's credit, no provider call.
  const credited =
    held.provider === 'balance' ||
    (held.provider === 'stars' && !(wholeStars && amount === held.amount));
  let refundId: string | undefined;
  let pending = false;
  if (!credited) {
    const totalAfter = held.refundedAmount + amount;
    await database.withScope(scope, (tx) =>
      markRefundIntent(tx, { paymentId: held.paymentId, totalAfter, at: clock.now() }),
    );
    const outcome = await callProvider(input, held, amount);
    if (!outcome.ok && !outcome.alreadyRefunded) {
      await database.withScope(scope, async (tx) => {
        await recordRefundFailure(tx, held, outcome.error, clock.now());
        await clearRefundIntent(tx, held.paymentId);
      });
      return fail('refund_failed', { error: outcome.error, provider: held.provider });
    }
    if (outcome.ok) {
      refundId = outcome.refundId;
      // Stripe reports a failure later by webhook; YooKassa does not, so its pending ones are polled.
      pending = outcome.status === 'pending' && held.provider === 'yookassa';
    }
  }
  const recorded = await database.withScope(scope, async (tx) => {
    const at = clock.now();
    const done = await recordRefund(tx, {
      orderId: held.orderId,
      paymentId: held.paymentId,
      totalAfter: held.refundedAmount + amount,
      credited,
      refundId,
      pending,
      actor: input.actor,
      at,
    });
    if (!credited) await clearRefundIntent(tx, held.paymentId);
    if (done > 0 && held.refundedAmount + done >= held.amount)
      await markOrderRefunded(tx, held, input.actor, at);
    return done;
  });
  // The provider's own notification may have recorded this very refund first (reconcile): it
  // still went through now, and saying otherwise would invite a second one.
  const done = recorded > 0 ? recorded : refundId !== undefined ? amount : 0;
  if (done <= 0) return fail('nothing_to_refund');
  return ok({
    orderId: held.orderId,
    amount: done,
    credited: credited ? done : 0,
    currency: held.currency,
    provider: held.provider,
    payerTelegramId: held.payerTelegramId,
  });
}

/** The provider call of one refund (its idempotency key numbers the payment's refunds). */
async function callProvider(
  input: RefundInput,
  held: HeldPayment,
  amount: number,
): Promise<ProviderRefundOutcome> {
  const refunder = refunderFor(input, held.provider);
  if (!refunder)
    return {
      ok: false,
      alreadyRefunded: false,
      retryable: true,
      error: `${held.provider} not configured`,
    };
  return refunder({
    paymentId: held.paymentId,
    providerPaymentId: held.chargeId,
    amount,
    currency: held.currency,
    idempotencyKey: `refund:${held.paymentId}:${held.refundCount + 1}`,
    payerTelegramId: held.payerTelegramId,
  });
}

/**
 * Gives an order's payment back in full through its provider (Stars: refundStarPayment of the whole
 * charge), then (one transaction) payment refunded, escrow reversal, order refunded. Nothing held ⇒
 * 'nothing_to_refund'; a provider failure ⇒ 'refund_failed', retried by payments.retry-refunds.
 */
export async function refundOrderPayment(
  database: Database,
  input: RefundInput,
  clock: Clock,
): Promise<Result<RefundDone, 'nothing_to_refund' | 'refund_failed'>> {
  const result = await refundHeld(database, input, clock);
  if (!result.ok && result.code === 'amount_too_large') return fail('nothing_to_refund');
  return result as Result<RefundDone, 'nothing_to_refund' | 'refund_failed'>;
}

/**
 * Refunds `amount` (minor units of the payment's currency — whole stars for a Stars payment) of an
 * order's payment through its provider; Stars cannot refund part, so that amount is credited to
 * `advertiser:<account>`. Before settlement it comes out of escrow, after it out of the owner's and
 * platform's shares (the owner may be left with a receivable). The order's status is the caller's.
 */
export async function refundPaymentPart(
  database: Database,
  input: RefundInput & { amount: number; reason: string },
  clock: Clock,
): Promise<Result<{ refunded: number; credited: number }, RefundCode>> {
  const result = await refundHeld(database, input, clock);
  if (!result.ok) return result;
  return ok({
    refunded: result.value.amount - result.value.credited,
    credited: result.value.credited,
  });
}
