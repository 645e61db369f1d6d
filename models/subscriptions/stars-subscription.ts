import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { StarsRates } from '../payments/stars-amount.js';
import { extendSubscription, type ExtendOutcome } from './activate-subscription.js';
import { parseSubscriptionPayload } from './payload.js';
import { proPeriodMs, proPrices } from './pricing.js';
import { workspaceOf } from './queries.js';

export type SubscriptionPreCheckoutCode = 'unknown_workspace' | 'not_owner' | 'price_changed';

/**
 * pre_checkout_query of a `sub:` invoice: ok only when the workspace exists, the payer owns it and
 * the amount is Pro's current Stars price.
 */
export async function checkSubscriptionPreCheckout(
  database: Database,
  input: { accountId: string; payload: string; currency: string; totalAmount: number },
  rates: StarsRates,
): Promise<Result<{ workspaceId: string }, SubscriptionPreCheckoutCode>> {
  const parsed = parseSubscriptionPayload(input.payload);
  if (!parsed) return fail('unknown_workspace');
  const { accountId } = input;
  const workspace = await database.withScope({ accountId }, (tx) =>
    workspaceOf(tx, parsed.workspaceId),
  );
  if (!workspace) return fail('unknown_workspace');
  if (workspace.ownerAccountId !== accountId) return fail('not_owner');
  if (input.currency !== 'XTR' || input.totalAmount !== proPrices(rates).XTR)
    return fail('price_changed');
  return ok({ workspaceId: workspace.id });
}

export interface StarsSubscriptionPayment {
  accountId: string;
  payload: string;
  chargeId: string;
  amount: number;
  currency: string;
  /** successful_payment.subscription_expiration_date (Unix seconds), when Telegram sent it. */
  expirationDate?: number;
}

/**
 * successful_payment of a `sub:` invoice (first or recurring): extends Pro until Telegram's
 * subscription_expiration_date (30 days from now without one), once per charge id. The payload
 * is the subscription's id, so every renewal lands on the same subscription row.
 */
export async function recordStarsSubscriptionPayment(
  database: Database,
  input: StarsSubscriptionPayment,
  clock: Clock,
): Promise<Result<ExtendOutcome, 'unknown_workspace' | 'invalid_payment'>> {
  const parsed = parseSubscriptionPayload(input.payload);
  if (!parsed) return fail('unknown_workspace');
  if (input.currency !== 'XTR') return fail('invalid_payment');
  const periodEnd =
    input.expirationDate !== undefined
      ? new Date(input.expirationDate * 1000)
      : new Date(clock.now().getTime() + proPeriodMs);
  return extendSubscription(
    database,
    {
      workspaceId: parsed.workspaceId,
      provider: 'stars',
      providerSubscriptionId: input.payload,
      periodEnd,
      payment: { providerPaymentId: input.chargeId, amount: input.amount, currency: 'XTR' },
      payerAccountId: input.accountId,
    },
    clock,
  );
}
