import { GrammyError, type Api } from 'grammy';
import { starsPaymentRefunder, type StarsRefunder } from '../../../models/payments/refund-order.js';
import {
  paymentRefunders,
  type PaymentProviders,
} from '../../../models/providers/create-providers.js';
import type { PaymentRefunders } from '../../../models/providers/types.js';

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
