import type { SuccessfulPayment } from 'grammy/types';
import { recordStarsPayment } from '../../../models/checkout/record-stars-payment.js';
import type { BotContext } from '../../context.js';
import { refundOrder, type RefundDeps } from '../../../telegram/refund-order.js';
import { createStarsRefunder } from '../../../telegram/stars.js';

/**
 * successful_payment: credit once per charge id; a repeated delivery changes nothing; a payment
 * for an order that can no longer take it is refunded at once. Both sides hear of the payment from
 * its events (docs/events.md).
 */
export async function handleSuccessfulPayment(
  ctx: BotContext,
  deps: RefundDeps,
  accountId: string,
  payment: SuccessfulPayment,
): Promise<void> {
  const chargeId = payment.telegram_payment_charge_id;
  const result = await recordStarsPayment(
    deps.database,
    {
      accountId,
      chargeId,
      payload: payment.invoice_payload,
      amount: payment.total_amount,
      currency: payment.currency,
    },
    deps.clock,
  );
  if (!result.ok) {
    // Not one of our orders: nothing was credited, so the charge goes straight back.
    await createStarsRefunder(deps.api)(ctx.from?.id ?? 0, chargeId);
    await ctx.reply(ctx.t('checkout-paid-unknown'));
    return;
  }
  // 'paid' was routed in the payment's transaction (its events tell both sides); 'duplicate': done.
  const { kind, workspaceId, orderId } = result.value;
  if (kind !== 'orphan') return;
  await ctx.reply(ctx.t('checkout-paid-too-late'));
  await refundOrder(deps, { workspaceId, orderId }, `account:${accountId}`);
}
