import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import { balanceCharge, paymentMethodsFor } from '../../../models/checkout/payment-methods.js';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import { starsFor } from '../../../models/payments/stars-amount.js';
import type { Currency } from '../../../models/orders/table.js';
import type { PaymentProvider } from '../../../models/payments/table.js';
import type { BotContext, BotDeps } from '../../context.js';
import { payData } from '../../../messages/callback-data/checkout.js';
import { invoiceOrder } from './invoice.js';
import { itemLines, markingText, totalLines } from '../../../messages/order-lines.js';

export const ratesOf = (deps: BotDeps) => ({
  starsPerRub: deps.config.starsPerRub,
  starsPerUsd: deps.config.starsPerUsd,
});

/** The methods configured for an order (Stars always; Stripe/YooKassa when set up). */
export function methodsFor(deps: BotDeps, order: { total: number; currency: Currency }) {
  const stars = order.currency === 'EUR' ? 0 : starsFor(order.total, order.currency, ratesOf(deps));
  const configured = {
    stripe: Boolean(deps.providers?.stripe),
    yookassa: Boolean(deps.providers?.yookassa),
  };
  return paymentMethodsFor(order.currency, configured, stars);
}

/** What paying the order from the advertiser's credit would take (undefined: not fully covered). */
export async function balanceChargeFor(
  deps: BotDeps,
  accountId: string,
  order: { total: number; currency: Currency },
) {
  const { credits } = await readAdvertiserBalance(deps.database, accountId, 0);
  const byCurrency = Object.fromEntries(credits.map((c) => [c.currency, c.available]));
  return balanceCharge(order, byCurrency, ratesOf(deps));
}

/** The button of one method, with the order's total in that method's currency. */
function methodLabel(
  ctx: BotContext,
  deps: BotDeps,
  method: PaymentProvider,
  order: { total: number; currency: Currency },
  locale: string,
  balance?: { amount: number; currency: Currency },
): string {
  if (method === 'stars') {
    const stars = starsFor(order.total, order.currency, ratesOf(deps));
    return ctx.t('checkout-method-stars', { amount: formatMoney(stars, 'XTR', locale) });
  }
  if (method === 'balance') {
    const charge = balance ?? { amount: order.total, currency: order.currency };
    return ctx.t('checkout-method-balance', {
      amount: formatMoney(charge.amount, charge.currency, locale),
    });
  }
  const amount = formatMoney(order.total, order.currency, locale);
  return ctx.t(method === 'stripe' ? 'checkout-method-stripe' : 'checkout-method-yookassa', {
    amount,
  });
}

/**
 * One order of the checkout: with Stars as the only method its invoice comes at once; otherwise the
 * summary and one button per configured method, each showing the total in its own currency.
 */
export async function offerPayment(
  ctx: BotContext,
  deps: BotDeps,
  accountId: string,
  orderId: string,
  bundleId: string,
): Promise<void> {
  const view = await readMyOrder(deps.database, accountId, orderId);
  const balance = view ? await balanceChargeFor(deps, accountId, view) : undefined;
  const methods = view
    ? [...methodsFor(deps, view), ...(balance ? (['balance'] as const) : [])]
    : [];
  if (!view || (methods.length === 1 && methods[0] === 'stars')) {
    await invoiceOrder(ctx, deps, accountId, orderId, bundleId);
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const t = ctx.t.bind(ctx);
  const channels = [...new Set(view.items.map((i) => i.channelTitle))].join(', ');
  const keyboard = new InlineKeyboard();
  for (const method of methods)
    keyboard
      .text(
        methodLabel(ctx, deps, method, view, locale, balance),
        payData.pack({ method, orderId }),
      )
      .row();
  const text = [
    ctx.t('checkout-summary', { channels }),
    itemLines(t, view, locale, view.advertiser.timezone),
    markingText(t, view.marking),
    totalLines(t, view, locale),
    ctx.t('checkout-choose-method'),
  ]
    .filter(Boolean)
    .join('\n\n');
  await ctx.reply(text, { reply_markup: keyboard });
}
