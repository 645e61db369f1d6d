import { findAccountByTelegramId } from '../accounts/queries.js';
import { parseInvoicePayload } from '../checkout/payload.js';
import { recordStarsPayment, type StarsPaymentOutcome } from '../checkout/record-stars-payment.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { parseSubscriptionPayload } from '../subscriptions/payload.js';
import { recordStarsSubscriptionPayment } from '../subscriptions/stars-subscription.js';
import { refundOrderPayment, type StarsRefunder } from '../payments/refund-order.js';
import type { StarsTransaction, StarsTransactionUser } from '../payments/stars-transactions.js';

/** The actor of everything the Stars reconciliation records. */
export const starsReconcileActor = 'system:payments.reconcile-stars';

/** What a charge paid for, as far as it could be told. */
export type StarsChargeTarget =
  | { kind: 'order'; orderId: string; workspaceId: string }
  | { kind: 'subscription'; workspaceId: string }
  | { kind: 'unknown' };

/**
 * 'recorded': credited like its successful_payment would have been; 'refunded': given back (a
 * payload that is not ours, or an order that could no longer take it); 'refund_pending': credited
 * to a closed order and its refund refused for now — payments.retry-refunds gives it back.
 */
export type StarsChargeOutcome = 'recorded' | 'refunded' | 'refund_pending';

export interface SettledStarsCharge {
  chargeId: string;
  amount: number;
  paidAt: Date;
  payer: StarsTransactionUser;
  payload: string;
  outcome: StarsChargeOutcome;
  target: StarsChargeTarget;
}

/** 'handled': recorded by its own update meanwhile; 'failed': the refund was refused (next run). */
export type StarsChargeSettlement =
  | { kind: 'settled'; charge: SettledStarsCharge }
  | { kind: 'handled' }
  | { kind: 'failed'; error: string };

export type UnmatchedStarsCharge = StarsTransaction & { user: StarsTransactionUser };

/** What became of a charge something could take: credited (and maybe given back), or seen already. */
type Credit = Pick<SettledStarsCharge, 'outcome' | 'target'> | 'handled';

/**
 * Settles a charge no successful_payment was handled for and no refund was made of, as its update
 * would have: an `order:` payload through recordStarsPayment (an orphan is refunded at once), a
 * `sub:` payload through recordStarsSubscriptionPayment, anything else (or what those refuse)
 * refunded with `refund`. Each path is idempotent per charge id.
 */
export async function settleStarsCharge(
  database: Database,
  charge: UnmatchedStarsCharge,
  refund: StarsRefunder,
  clock: Clock,
): Promise<StarsChargeSettlement> {
  let credit = await creditCharge(database, charge, refund, clock);
  if (credit === 'handled') return { kind: 'handled' };
  if (!credit) {
    const back = await refund(charge.user.telegramId, charge.id);
    if (!back.ok && !back.alreadyRefunded) return { kind: 'failed', error: back.error };
    credit = { outcome: 'refunded', target: { kind: 'unknown' } };
  }
  return {
    kind: 'settled',
    charge: {
      chargeId: charge.id,
      amount: charge.amount,
      paidAt: charge.at,
      payer: charge.user,
      payload: charge.payload ?? '',
      ...credit,
    },
  };
}

/** Credits the charge where its payload points; undefined when nothing there can take it. */
async function creditCharge(
  database: Database,
  charge: UnmatchedStarsCharge,
  refund: StarsRefunder,
  clock: Clock,
): Promise<Credit | undefined> {
  const payload = charge.payload ?? '';
  const payment = { payload, chargeId: charge.id, amount: charge.amount, currency: 'XTR' };
  const accountId = await payerAccountId(database, charge.user.telegramId);
  if (!accountId) return undefined;
  if (parseInvoicePayload(payload)) {
    const result = await recordStarsPayment(database, { ...payment, accountId }, clock);
    return result.ok ? creditOrder(database, result.value, refund, clock) : undefined;
  }
  if (parseSubscriptionPayload(payload)) {
    const period = charge.subscriptionPeriod;
    const expirationDate = period ? Math.floor(charge.at.getTime() / 1000) + period : undefined;
    const result = await recordStarsSubscriptionPayment(
      database,
      { ...payment, accountId, ...(expirationDate ? { expirationDate } : {}) },
      clock,
    );
    if (!result.ok) return undefined;
    if (result.value.kind === 'duplicate') return 'handled';
    return {
      outcome: 'recorded',
      target: { kind: 'subscription', workspaceId: result.value.workspaceId },
    };
  }
  return undefined;
}

/** A recorded order payment: routed, or (an orphan) given back at once through `refund`. */
async function creditOrder(
  database: Database,
  outcome: StarsPaymentOutcome,
  refund: StarsRefunder,
  clock: Clock,
): Promise<Credit> {
  const { orderId, workspaceId } = outcome;
  const target = { kind: 'order' as const, orderId, workspaceId };
  switch (outcome.kind) {
    case 'duplicate':
      return 'handled';
    case 'paid':
      // Routed in the payment's transaction: its events tell both sides.
      return { outcome: 'recorded', target };
    case 'orphan': {
      const back = await refundOrderPayment(
        database,
        { workspaceId, orderId, actor: starsReconcileActor, refund },
        clock,
      );
      // nothing_to_refund: the refunds job gave it back in the meantime.
      const done = back.ok || back.code === 'nothing_to_refund';
      return { outcome: done ? 'refunded' : 'refund_pending', target };
    }
  }
}

/** The payer's account, when they ever used the bot (accounts have no tenant). */
async function payerAccountId(database: Database, telegramId: number): Promise<string | undefined> {
  const account = await database.withScope({}, (tx) => findAccountByTelegramId(tx, telegramId));
  return account?.id;
}
