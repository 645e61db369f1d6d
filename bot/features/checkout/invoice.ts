import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { assertNever } from '../../../models/errors.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import type { PrepareExternalCode } from '../../../models/checkout/prepare-external-payment.js';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import type { BotContext, BotDeps } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { itemLines, markingText, totalLines } from '../../../messages/order-lines.js';
import { creativeStartData } from '../../../messages/callback-data/creative.js';

/** Why an order cannot be paid now, in the advertiser's words. */
export function refusal(ctx: BotContext, code: PrepareExternalCode): string {
  switch (code) {
    case 'not_found':
    case 'not_payable':
      return ctx.t('checkout-error-not-payable');
    case 'hold_expired':
      return ctx.t('checkout-error-hold-expired');
    case 'empty':
      return ctx.t('checkout-error-empty');
    case 'no_creative':
      return ctx.t('checkout-error-no-creative');
    case 'marking_required':
      return ctx.t('checkout-error-marking');
    case 'content_refused':
      return ctx.t('checkout-error-content');
    case 'method_unavailable':
      return ctx.t('checkout-error-method');
    default:
      return assertNever(code);
  }
}

/**
 * One order of the checkout: readies it (prepareInvoice), shows its summary (slots in the channel's
 * time and the advertiser's, discount, total in the order's currency and in ⭐) and sends its Stars
 * invoice. A refusal is explained instead, with the way back to the creative.
 */
export async function invoiceOrder(
  ctx: BotContext,
  deps: BotDeps,
  accountId: string,
  orderId: string,
  bundleId: string,
): Promise<boolean> {
  const locale = await ctx.i18n.getLocale();
  const prepared = await prepareInvoice(
    deps.database,
    {
      accountId,
      orderId,
      readiness: orderReadiness,
      rates: { starsPerRub: deps.config.starsPerRub, starsPerUsd: deps.config.starsPerUsd },
    },
    deps.clock,
  );
  const view = await readMyOrder(deps.database, accountId, orderId);
  const channels = [...new Set(view?.items.map((i) => i.channelTitle) ?? [])];
  const names = channels.join(', ');
  if (!prepared.ok) {
    await replyRefused(ctx, names, refusal(ctx, prepared.code), bundleId);
    return false;
  }
  const { stars, total, currency, payload } = prepared.value;
  if (view) {
    const t = ctx.t.bind(ctx);
    const summary = [
      ctx.t('checkout-summary', { channels: names }),
      itemLines(t, view, locale, view.advertiser.timezone),
      markingText(t, view.marking),
      totalLines(t, view, locale),
      ctx.t('checkout-stars', { stars, amount: formatMoney(total, currency, locale) }),
    ]
      .filter(Boolean)
      .join('\n\n');
    await ctx.reply(summary);
  }
  const description = ctx
    .tPlain('checkout-invoice-description', {
      channels: channels.join(', '),
      count: view?.items.length ?? 0,
    })
    .slice(0, 255);
  await ctx.replyWithInvoice(
    ctx.t('checkout-invoice-title'),
    description,
    payload,
    'XTR',
    [{ label: ctx.t('checkout-invoice-label'), amount: stars }],
    { provider_token: '' },
  );
  return true;
}

/** The refusal of one order of the checkout, with the way back to the creative. */
export async function replyRefused(
  ctx: BotContext,
  channels: string,
  reason: string,
  bundleId: string,
): Promise<void> {
  const back = new InlineKeyboard().text(
    ctx.t('checkout-button-creative'),
    creativeStartData.pack({ bundleId }),
  );
  await ctx.reply(ctx.t('checkout-refused', { channels, reason: trustedHtml(reason) }), {
    reply_markup: back,
  });
}
