import type { SuccessfulPayment } from 'grammy/types';
import { recordStarsPayment } from '../../../models/checkout/record-stars-payment.js';
import type { BotContext } from '../../context.js';
import { html } from '../../../format/html.js';
import { tellPaid } from '../../../messages/review-notices.js';
import { refundAndTell, type RefundDeps } from '../../../messages/refund-and-tell.js';
import { createStarsRefunder } from '../../../telegram/stars.js';

/**
 * successful_payment: credit once per charge id; a repeated delivery changes nothing; a payment
 * for an order that can no longer take it is refunded at once. Then the owner's side hears of it.
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
    await ctx.reply(ctx.t('checkout-paid-unknown'), html);
    return;
  }
  const outcome = result.value;
  const order = { workspaceId: outcome.workspaceId, orderId: outcome.orderId };
  switch (outcome.kind) {
    case 'duplicate':
      return;
    case 'orphan':
      await ctx.reply(ctx.t('checkout-paid-too-late'), html);
      await refundAndTell(deps, order, `account:${accountId}`);
      return;
    case 'paid':
      await tellPaid(deps, order, outcome);
  }
}
