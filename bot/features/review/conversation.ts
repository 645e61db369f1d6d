import type { I18n } from '@grammyjs/i18n';
import {
  decideReview,
  reasonMaxLength,
  reasonMinLength,
} from '../../../models/review/decide-review.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { html } from '../../../format/html.js';
import { currentAccountId, type BotConversation } from '../../kit/conversation.js';
import { askReason } from '../../kit/steps.js';
import { noticeDeps } from '../../outbound.js';
import { finishDecision } from './decision.js';
import { reviewRefusalKey } from './refusal.js';

export const rejectConversationId = 'review-reject';

/**
 * «❌ Reject»: asks the reason (one text message, 3–500 characters; anything else is re-asked),
 * then rejects. Another command leaves; button presses pass through to their handlers.
 */
export function createRejectConversation(deps: BotDeps, i18n: I18n<BotContext>) {
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
      await ctx.reply(ctx.t(reviewRefusalKey(result.code), limits), html);
      return;
    }
    await ctx.reply(ctx.t('review-rejected-done'), html);
    // Inside the conversation ctx.api is the conversation's own: others are told via the gateway.
    await conversation.external(() =>
      finishDecision(noticeDeps(deps, i18n), result.value, `account:${accountId}`, reason),
    );
  };
}
