import { Composer } from 'grammy';
import { reconcileProviderRefund } from '../../../models/payments/reconcile-refund.js';
import type { BotContext, BotDeps } from '../../context.js';

/**
 * `refunded_payment`: Telegram's service message that a Stars charge was refunded. It never
 * reaches the fallback and gets no reply of its own: the refund is reconciled like a provider's
 * refund webhook (reconcileProviderRefund), recording only what is not recorded yet. Our own
 * refund (recorded, or in flight: its refund intent) already queued the payer's refund receipt
 * and is not announced twice; a refund made outside LytSlot (by Telegram) is recorded now, with
 * the payer's refund receipt and its effect on the order (applyExternalRefund); a charge that is
 * no order payment of ours (we refused it and said so when refunding) is acknowledged silently.
 * Mounted with the payment features, before conversations.
 */
export function createRefundedPayments(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on('message:refunded_payment', async (ctx) => {
    const refund = ctx.message.refunded_payment;
    const report = {
      provider: 'stars' as const,
      providerPaymentId: refund.telegram_payment_charge_id,
      refundedTotal: refund.total_amount,
    };
    const result = await reconcileProviderRefund(deps.database, report, deps.clock);
    const fields = { charge_id: report.providerPaymentId, amount: report.refundedTotal };
    if (!result.ok) {
      deps.logger.info(fields, 'refunded_payment of no order payment: acknowledged');
      return;
    }
    const { recorded, external, orderId } = result.value;
    if (external)
      deps.logger.warn(
        { ...fields, order_id: orderId, outcome: external },
        'Stars payment refunded outside LytSlot: recorded',
      );
    else
      deps.logger.info({ ...fields, order_id: orderId, recorded }, 'refunded_payment reconciled');
  });
  return feature;
}
