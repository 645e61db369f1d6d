import { GrammyError, type Api } from 'grammy';
import type { StarTransaction } from 'grammy/types';
import { starsPaymentRefunder, type StarsRefunder } from '../models/payments/refund-order.js';
import type {
  FetchStarsTransactions,
  StarsTransaction,
} from '../models/payments/stars-transactions.js';
import { paymentRefunders, type PaymentProviders } from '../models/providers/create-providers.js';
import type { PaymentRefunders } from '../models/providers/types.js';

/**
 * refundStarPayment through the Bot API, as the use-cases want it: Telegram's
 * CHARGE_ALREADY_REFUNDED means the money is already back (safe to record); anything else is a
 * failure to retry later.
 */
export function createStarsRefunder(api: Pick<Api, 'refundStarPayment'>): StarsRefunder {
  return async (payerTelegramId, chargeId) => {
    try {
      await api.refundStarPayment(payerTelegramId, chargeId);
      return { ok: true };
    } catch (error) {
      const description = error instanceof GrammyError ? error.description : String(error);
      return {
        ok: false,
        alreadyRefunded: description.includes('CHARGE_ALREADY_REFUNDED'),
        error: description,
      };
    }
  };
}

/** The refund function of every configured provider, Stars through this Api. */
export function createRefunders(
  api: Pick<Api, 'refundStarPayment'>,
  providers: PaymentProviders | undefined,
): PaymentRefunders {
  return paymentRefunders(providers ?? {}, starsPaymentRefunder(createStarsRefunder(api)));
}

/**
 * A Bot API StarTransaction as the reconciliation reads it: a user paying an invoice (incoming
 * `invoice_payment`) is a payment; anything outgoing to a user counts as a refund (only a refund
 * carries a charge's id, so a gift never matches one); the rest is 'other'.
 */
function toStarsTransaction(t: StarTransaction): StarsTransaction {
  const base = { id: t.id, amount: t.amount, at: new Date(t.date * 1000) };
  const payer =
    t.source?.type === 'user' && t.source.transaction_type === 'invoice_payment'
      ? t.source
      : undefined;
  const receiver = t.receiver?.type === 'user' ? t.receiver : undefined;
  const partner = payer ?? receiver;
  if (!partner) return { ...base, kind: 'other' };
  const user = {
    telegramId: partner.user.id,
    firstName: partner.user.first_name,
    ...(partner.user.username ? { username: partner.user.username } : {}),
  };
  if (!payer) return { ...base, kind: 'refund', user };
  return {
    ...base,
    kind: 'payment',
    user,
    ...(payer.invoice_payload !== undefined ? { payload: payer.invoice_payload } : {}),
    ...(payer.subscription_period ? { subscriptionPeriod: payer.subscription_period } : {}),
  };
}

/** getStarTransactions through the Bot API, one page at a time (newest first). */
export function createStarsTransactionsFetcher(
  api: Pick<Api, 'getStarTransactions'>,
): FetchStarsTransactions {
  return async (offset, limit) => {
    const { transactions } = await api.getStarTransactions({ offset, limit });
    return transactions.map(toStarsTransaction);
  };
}
