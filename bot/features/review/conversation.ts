import {
  decideReview,
  reasonMaxLength,
  reasonMinLength,
} from '../../../models/review/decide-review.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { currentAccountId, type BotConversation } from '../../kit/conversation.js';
import { askReason } from '../../kit/steps.js';
import { refundOrder } from '../../../telegram/refund-order.js';
import { reviewRefusalKey } from './refusal.js';

export const rejectConversationId = 'review-reject';

/**
 * «❌ Reject»: asks the reason (one text message, 3–500 characters; anything else is re-asked),
 * then rejects. Another command leaves; button presses pass through to their handlers.
 */
export function createRejectConversation(deps: BotDeps) {
  return async function reject(
    conversation: BotConversation,
    ctx: ConversationContext,
    orderId: string,
  ) {
    const limits = { min: reasonMinLength, max: reasonMaxLength };
    const reason = await askReason(conversation, ctx, {
      prompt: ctx.t('review-reason-ask', limits),
      ...limits,
      invalid: ctx.t('review-reason-invalid', limits),
    });
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const result = await conversation.external(() =>
      decideReview(
        deps.database,
        { accountId, orderId, decision: { kind: 'reject', reason } },
        deps.clock,
      ),
    );
    if (!result.ok) {
      await ctx.reply(ctx.t(reviewRefusalKey(result.code), limits));
      return;
    }
    await ctx.reply(ctx.t('review-rejected-done'));
    // The advertiser hears of it from `order.rejected`; the refund's own events tell the money.
    await conversation.external(() =>
      refundOrder({ ...deps, api: deps.outbound.api }, result.value, `account:${accountId}`),
    );
  };
}
