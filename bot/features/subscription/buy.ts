import { InlineKeyboard } from 'grammy';
import type { SubscriptionProvider } from '../../../models/payments/table.js';
import { subscriptionPayload } from '../../../models/subscriptions/payload.js';
import {
  proPrices,
  starsSubscriptionPeriodSeconds,
} from '../../../models/subscriptions/pricing.js';
import type { BotContext, BotDeps } from '../../context.js';
import { methodPrice } from './screen.js';

/** Where Stripe/YooKassa send the payer back: the bot's chat. */
function returnUrl(ctx: BotContext): string {
  return `https://t.me/${ctx.me.username}`;
}

/** A payment page for one month of Pro (Stars: a 30-day subscription invoice link), or undefined. */
async function paymentUrl(
  ctx: BotContext,
  deps: BotDeps,
  workspaceId: string,
  method: SubscriptionProvider,
  key: string,
): Promise<string | undefined> {
  const prices = proPrices({
    starsPerRub: deps.config.starsPerRub,
    starsPerUsd: deps.config.starsPerUsd,
  });
  const title = ctx.t('subscription-invoice-title');
  const description = ctx.t('subscription-invoice-description');
  switch (method) {
    case 'stars':
      return ctx.api.createInvoiceLink(
        title,
        description,
        subscriptionPayload(workspaceId),
        '',
        'XTR',
        [{ label: title, amount: prices.XTR }],
        { subscription_period: starsSubscriptionPeriodSeconds },
      );
    case 'stripe': {
      const stripe = deps.providers?.stripe;
      if (!stripe) return undefined;
      const session = await stripe.createSubscriptionCheckout({
        idempotencyKey: key,
        workspaceId,
        amount: prices.USD,
        currency: 'USD',
        description: title,
        successUrl: returnUrl(ctx),
        cancelUrl: returnUrl(ctx),
      });
      return session.url;
    }
    case 'yookassa': {
      const yookassa = deps.providers?.yookassa;
      if (!yookassa) return undefined;
      const payment = await yookassa.createPayment({
        idempotenceKey: key,
        amount: prices.RUB,
        currency: 'RUB',
        description: title,
        returnUrl: returnUrl(ctx),
        metadata: { purpose: 'subscription', workspaceId },
      });
      return payment.confirmationUrl;
    }
  }
}

/**
 * A buy/renew button: sends the method's payment link (Stars subscription invoice, Stripe
 * Checkout in subscription mode, or a one-month YooKassa payment). A provider failure is told
 * plainly; nothing is recorded until the payment itself arrives.
 */
export async function sendPaymentLink(
  ctx: BotContext,
  deps: BotDeps,
  workspaceId: string,
  method: SubscriptionProvider,
): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const key = `pro:${workspaceId}:${ctx.callbackQuery?.id ?? ctx.update.update_id}`;
  let url: string | undefined;
  try {
    url = await paymentUrl(ctx, deps, workspaceId, method, key);
  } catch (error) {
    deps.logger.warn({ err: error, method }, 'Pro payment link failed');
    url = undefined;
  }
  if (!url) {
    await ctx.reply(ctx.t('subscription-buy-failed'));
    return;
  }
  const price = methodPrice(deps, method, locale);
  await ctx.reply(ctx.t('subscription-pay-text', { method, price }), {
    reply_markup: new InlineKeyboard().url(ctx.t('subscription-pay-button', { price }), url),
  });
}
