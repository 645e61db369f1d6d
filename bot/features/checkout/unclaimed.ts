import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../../context.js';
import { createStarsRefunder } from '../../../telegram/stars.js';

/**
 * Payment updates no payment feature claimed (a payload that is neither `order:` nor `sub:`): the
 * pre-checkout query is refused at once instead of letting Telegram's 10 s run out, and a
 * successful payment — money we cannot place — goes straight back (refundStarPayment). Mounted
 * right after the order and subscription payment features.
 */
export function createUnclaimedPayments(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('pre_checkout_query', async (ctx) => {
    await ctx.answerPreCheckoutQuery(false, {
      error_message: ctx.t('checkout-precheckout-not-payable'),
    });
  });
  feature.on('message:successful_payment', async (ctx) => {
    const payment = ctx.message.successful_payment;
    deps.logger.error(
      { payload: payment.invoice_payload.slice(0, 64), amount: payment.total_amount },
      'successful_payment for an unknown payload: refunding',
    );
    const refunded = await createStarsRefunder(ctx.api)(
      ctx.from.id,
      payment.telegram_payment_charge_id,
    );
    if (!refunded.ok && !refunded.alreadyRefunded) {
      deps.logger.error({ error: refunded.error }, 'refund of an unknown payment failed');
    }
    await ctx.reply(ctx.t('checkout-paid-unknown'));
  });
  return feature;
}
