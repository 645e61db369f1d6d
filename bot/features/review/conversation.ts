import type { Conversation } from '@grammyjs/conversations';
import type { I18n } from '@grammyjs/i18n';
import {
  decideReview,
  reasonMaxLength,
  reasonMinLength,
  normalizeReason,
} from '../../../models/review/decide-review.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { html } from '../../html.js';
import { noticeDeps } from '../../outbound.js';
import { finishDecision } from './decision.js';
import { reviewRefusalKey } from './refusal.js';

export const rejectConversationId = 'review-reject';

type RejectConversation = Conversation<BotContext, ConversationContext>;

/**
 * «❌ Reject»: asks the reason (one text message, 3–500 characters; anything else is re-asked),
 * then rejects. Another command leaves; button presses pass through to their handlers.
 */
export function createRejectConversation(deps: BotDeps, i18n: I18n<BotContext>) {
  return async function reject(
    conversation: RejectConversation,
    ctx: ConversationContext,
    orderId: string,
  ) {
    const limits = { min: reasonMinLength, max: reasonMaxLength };
    await ctx.reply(ctx.t('review-reason-ask', limits), html);
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) return await conversation.skip({ next: true });
      if (message.text?.startsWith('/')) return await conversation.halt({ next: true });
      const reason = message.text ? normalizeReason(message.text) : undefined;
      if (!reason) {
        await answer.reply(answer.t('review-reason-invalid', limits), html);
        continue;
      }
      const accountId = await conversation.external((outside) => outside.account?.id ?? null);
      if (!accountId) return;
      const result = await conversation.external(() =>
        decideReview(
          deps.database,
          { accountId, orderId, decision: { kind: 'reject', reason } },
          deps.clock,
        ),
      );
      if (!result.ok) {
        await answer.reply(answer.t(reviewRefusalKey(result.code), limits), html);
        return;
      }
      await answer.reply(answer.t('review-rejected-done'), html);
      // Inside the conversation ctx.api is the conversation's own: others are told via the gateway.
      await conversation.external(() =>
        finishDecision(noticeDeps(deps, i18n), result.value, `account:${accountId}`, reason),
      );
      return;
    }
  };
}
