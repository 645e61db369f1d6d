import { formatMoney } from '../../../format/money.js';
import { payOrderFromBalance } from '../../../models/checkout/pay-from-balance.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { BotContext, BotDeps } from '../../context.js';
import { refusal, replyRefused } from './invoice.js';
import { ratesOf } from './methods.js';

/**
 * «Pay from balance» (`chk:pay:b:<orderId>`): the whole order from the advertiser's credit in one
 * transaction (re-checked there, so a forged or stale button changes nothing). The receipt and the
 * order's route (owners' review cards, the advertiser's news) come from its events.
 */
export async function payFromBalance(
  ctx: BotContext,
  deps: BotDeps,
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
      return void (await ctx.reply(ctx.t('checkout-balance-insufficient')));
    const view = await readMyOrder(deps.database, accountId, orderId);
    const channels = [...new Set(view?.items.map((i) => i.channelTitle))].join(', ');
    return replyRefused(ctx, channels, refusal(ctx, paid.code), view?.bundleId ?? '');
  }
  const locale = await ctx.i18n.getLocale();
  const { amount, currency } = paid.value;
  await ctx.reply(
    ctx.t('checkout-balance-paid', {
      order: orderId.slice(0, 8),
      amount: formatMoney(amount, currency, locale),
    }),
  );
}
