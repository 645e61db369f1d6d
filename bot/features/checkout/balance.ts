import { formatMoney } from '../../../format/money.js';
import { payOrderFromBalance } from '../../../models/checkout/pay-from-balance.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { BotContext } from '../../context.js';
import { escapeHtml, html } from '../../../format/html.js';
import type { RefundDeps } from '../../../messages/refund-and-tell.js';
import { refusal, replyRefused } from './invoice.js';
import { ratesOf } from './methods.js';
import { tellPaid } from '../../../messages/review-notices.js';

/**
 * «Pay from balance» (`chk:pay:b:<orderId>`): the whole order from the advertiser's credit in one
 * transaction (re-checked there, so a forged or stale button changes nothing), then the owner's
 * side hears of it as for any payment. The receipt comes as a notification.
 */
export async function payFromBalance(
  ctx: BotContext,
  deps: RefundDeps & Parameters<typeof ratesOf>[0],
  accountId: string,
  orderId: string,
): Promise<void> {
  const paid = await payOrderFromBalance(
    deps.database,
    { accountId, orderId, readiness: orderReadiness, rates: ratesOf(deps) },
    deps.clock,
  );
  if (!paid.ok) {
    if (paid.code === 'insufficient_balance')
      return void (await ctx.reply(ctx.t('checkout-balance-insufficient'), html));
    const view = await readMyOrder(deps.database, accountId, orderId);
    const channels = escapeHtml([...new Set(view?.items.map((i) => i.channelTitle))].join(', '));
    return replyRefused(ctx, channels, refusal(ctx, paid.code), view?.bundleId ?? '');
  }
  const locale = await ctx.i18n.getLocale();
  const { amount, currency } = paid.value;
  await ctx.reply(
    ctx.t('checkout-balance-paid', {
      order: orderId.slice(0, 8),
      amount: formatMoney(amount, currency, locale),
    }),
    html,
  );
  await tellPaid(deps, paid.value, paid.value);
}
