import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import {
  attachProviderPayment,
  prepareExternalPayment,
} from '../../../models/checkout/prepare-external-payment.js';
import { createProviderPayment } from '../../../models/checkout/provider-payment.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { ExternalProvider } from '../../../models/providers/types.js';
import type { BotContext, BotDeps } from '../../context.js';
import { refusal, replyRefused } from './invoice.js';

/**
 * Pay one order by Stripe or YooKassa: prepareExternalPayment (checks, awaiting_payment, pending
 * row with a stable key), the gateway call, attachProviderPayment, then a «Pay …» link. A link the
 * provider already gave for this very payment is sent again without calling it.
 */
export async function payExternally(
  ctx: BotContext,
  deps: BotDeps,
  accountId: string,
  orderId: string,
  provider: ExternalProvider,
): Promise<void> {
  const prepared = await prepareExternalPayment(
    deps.database,
    { accountId, orderId, provider, readiness: orderReadiness },
    deps.clock,
  );
  const view = await readMyOrder(deps.database, accountId, orderId);
  const channels = [...new Set(view?.items.map((i) => i.channelTitle) ?? [])].join(', ');
  if (!prepared.ok) {
    const reason = refusal(ctx, prepared.code);
    return replyRefused(ctx, channels, reason, view?.bundleId ?? '');
  }
  const payment = prepared.value;
  let url = payment.confirmationUrl;
  if (!url) {
    const description = ctx
      .tPlain('checkout-invoice-description', { channels, count: view?.items.length ?? 0 })
      .slice(0, 255);
    try {
      const returnUrl = `https://t.me/${ctx.me.username}`;
      const created = await createProviderPayment(deps, provider, payment, {
        description,
        returnUrl,
      });
      const attached = await attachProviderPayment(
        deps.database,
        {
          accountId,
          workspaceId: payment.workspaceId,
          paymentId: payment.paymentId,
          providerPaymentId: created.providerPaymentId,
          confirmationUrl: created.url,
        },
        deps.clock,
      );
      if (!attached.ok) return void (await ctx.reply(ctx.t('checkout-error-not-payable')));
      url = created.url;
    } catch (err) {
      deps.logger.warn({ err, orderId, provider }, 'payment provider unavailable');
      return void (await ctx.reply(ctx.t('checkout-external-unavailable')));
    }
  }
  const locale = await ctx.i18n.getLocale();
  const amount = formatMoney(payment.amount, payment.currency, locale);
  const keyboard = new InlineKeyboard().url(ctx.t('checkout-external-button', { amount }), url);
  await ctx.reply(ctx.t('checkout-external-link', { method: provider, amount, channels }), {
    reply_markup: keyboard,
  });
}
