import { createConversation } from '@grammyjs/conversations';
import { Composer, GrammyError } from 'grammy';
import {
  decideReview,
  reasonMaxLength,
  reasonMinLength,
} from '../../../models/review/decide-review.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { reviewData } from '../../../messages/callback-data/review.js';
import { createRejectConversation, rejectConversationId } from './conversation.js';
import { reviewRefusalKey } from './refusal.js';
import { privateChats } from '../../kit/account.js';

/** Removes the decision buttons from the card and notes the outcome below it. */
async function closeCard(ctx: BotContext, note: string) {
  try {
    await ctx.editMessageReplyMarkup();
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
  }
  await ctx.reply(note);
}

/**
 * Owner review (`rv:`): «✅ Approve» schedules the order at once; «❌ Reject» asks the reason in a
 * conversation. Each press re-checks membership and the order's state (ids are untrusted); a
 * second manager's press finds the order decided and is told so; a press after the review
 * deadline is refused with the reason and changes nothing.
 */
export function createReviewFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createRejectConversation(deps), {
      id: rejectConversationId,
    }),
  );
  privateChats(feature).callbackQuery(reviewData.filter, async (ctx) => {
    const { action, orderId } = reviewData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    if (action === 'no') {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(rejectConversationId, orderId);
      return;
    }
    const result = await decideReview(
      deps.database,
      { accountId, orderId, decision: { kind: 'approve' } },
      deps.clock,
    );
    if (!result.ok) {
      const text = ctx.t(reviewRefusalKey(result.code), {
        min: reasonMinLength,
        max: reasonMaxLength,
      });
      return ctx.answerCallbackQuery({ text, show_alert: true });
    }
    await ctx.answerCallbackQuery({ text: ctx.t('review-approved-done') });
    await closeCard(ctx, ctx.t('review-approved-note'));
  });
  return feature;
}
