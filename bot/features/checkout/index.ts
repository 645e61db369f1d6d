import { Composer } from 'grammy';
import { listPayableOrders } from '../../../models/checkout/bundle-checkout.js';
import { readMyOrder } from '../../../models/checkout/my-orders.js';
import { checkPreCheckout } from '../../../models/checkout/pre-checkout.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext, BotDeps } from '../../context.js';
import { checkoutData, payData } from '../../../messages/callback-data/checkout.js';
import { payFromBalance } from './balance.js';
import { payExternally } from './external.js';
import { offerPayment } from './methods.js';
import { answerPreCheckout } from './pre-checkout.js';
import { createStarsRefunder } from '../../../telegram/stars.js';
import { handleSuccessfulPayment } from './paid.js';
import { invoiceOrder } from './invoice.js';
import { privateChats } from '../../kit/account.js';

/** Invoices of orders; other payloads (e.g. `sub:` of the Pro subscription) belong to others. */
const orderPayloadPrefix = 'order:';

/**
 * Checkout: `chk:review:<bundleId>` offers each order of the bundle the configured methods (Stars
 * alone ⇒ its invoice at once); `chk:pay:<s|c|y|b>:<orderId>` sends the Stars invoice or the
 * Stripe/YooKassa link, or pays the whole order from the advertiser's balance;
 * pre_checkout_query is answered at once (ok only for an order still awaiting exactly this
 * payment); successful_payment credits escrow once per charge and routes the order to review.
 * Only payloads starting `order:` are answered here; others pass on (`next`). Installed before
 * conversations, so a payment is never swallowed by an open conversation.
 */
export function createCheckoutFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  privateChats(feature).callbackQuery(checkoutData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { bundleId } = checkoutData.parse(ctx.callbackQuery.data);
    const orders = await listPayableOrders(deps.database, accountId, bundleId);
    await ctx.answerCallbackQuery();
    if (orders.length === 0) return ctx.reply(ctx.t('checkout-nothing'));
    if (orders.length > 1) await ctx.reply(ctx.t('checkout-several', { count: orders.length }));
    for (const order of orders) await offerPayment(ctx, deps, accountId, order.id, bundleId);
  });

  privateChats(feature).callbackQuery(payData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { method, orderId } = payData.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (method === 'stars') {
      const view = await readMyOrder(deps.database, accountId, orderId);
      await invoiceOrder(ctx, deps, accountId, orderId, view?.bundleId ?? '');
      return;
    }
    if (method === 'balance') {
      await payFromBalance(ctx, deps, accountId, orderId);
      return;
    }
    await payExternally(ctx, deps, accountId, orderId, method);
  });

  feature.on(
    'pre_checkout_query',
    answerPreCheckout({
      prefix: orderPayloadPrefix,
      noAccount: 'unknown_order',
      check: (ask) => checkPreCheckout(deps.database, ask, deps.clock),
      refusalKey: (code) => {
        switch (code) {
          case 'unknown_order':
          case 'not_awaiting_payment':
            return 'checkout-precheckout-not-payable';
          case 'hold_expired':
            return 'checkout-precheckout-expired';
          case 'order_changed':
            return 'checkout-precheckout-changed';
          default:
            return assertNever(code);
        }
      },
    }),
  );

  feature.on('message:successful_payment', async (ctx, next) => {
    const accountId = ctx.account?.id;
    const payment = ctx.message.successful_payment;
    if (!payment.invoice_payload.startsWith(orderPayloadPrefix)) return next();
    if (!accountId) {
      await createStarsRefunder(ctx.api)(ctx.from.id, payment.telegram_payment_charge_id);
      return;
    }
    const refundDeps = { ...deps, api: deps.outbound.api };
    await handleSuccessfulPayment(ctx, refundDeps, accountId, payment);
  });

  return feature;
}
