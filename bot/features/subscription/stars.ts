import { Composer } from 'grammy';
import { assertNever } from '../../../models/errors.js';
import {
  checkSubscriptionPreCheckout,
  recordStarsSubscriptionPayment,
} from '../../../models/subscriptions/stars-subscription.js';
import type { BotContext, BotDeps } from '../../context.js';
import { answerPreCheckout } from '../checkout/pre-checkout.js';

const subscriptionPayloadPrefix = 'sub:';
const isSubscription = (payload: string) => payload.startsWith(subscriptionPayloadPrefix);

/**
 * Telegram payments of `sub:` payloads (K8: checkout handles `order:` and passes the rest on):
 * pre_checkout_query answered at once (ok only for the workspace's owner at today's price);
 * successful_payment (first or recurring) extends Pro once per charge id. A payment that cannot be
 * credited goes straight back to the payer.
 */
export function createStarsSubscriptionPayments(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const rates = { starsPerRub: deps.config.starsPerRub, starsPerUsd: deps.config.starsPerUsd };

  feature.on(
    'pre_checkout_query',
    answerPreCheckout({
      prefix: subscriptionPayloadPrefix,
      noAccount: 'unknown_workspace',
      check: (ask) => checkSubscriptionPreCheckout(deps.database, ask, rates),
      refusalKey: (code) => {
        switch (code) {
          case 'unknown_workspace':
          case 'not_owner':
            return 'subscription-precheckout-not-owner';
          case 'price_changed':
            return 'subscription-precheckout-price';
          default:
            return assertNever(code);
        }
      },
    }),
  );

  feature.on('message:successful_payment', async (ctx, next) => {
    const payment = ctx.message.successful_payment;
    if (!isSubscription(payment.invoice_payload)) return next();
    const accountId = ctx.account?.id;
    const result = accountId
      ? await recordStarsSubscriptionPayment(
          deps.database,
          {
            accountId,
            payload: payment.invoice_payload,
            chargeId: payment.telegram_payment_charge_id,
            amount: payment.total_amount,
            currency: payment.currency,
            ...(payment.subscription_expiration_date
              ? { expirationDate: payment.subscription_expiration_date }
              : {}),
          },
          deps.clock,
        )
      : ({ ok: false, code: 'unknown_workspace' } as const);
    if (result.ok) return;
    const code = result.code;
    switch (code) {
      case 'unknown_workspace':
      case 'invalid_payment':
        deps.logger.warn({ code }, 'Stars subscription payment refused; refunding');
        await ctx.api.refundStarPayment(ctx.from.id, payment.telegram_payment_charge_id);
        await ctx.reply(ctx.t('subscription-paid-unknown'));
        return;
      default:
        return assertNever(code);
    }
  });

  return feature;
}
