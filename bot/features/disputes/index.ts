import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { disputeRoleOf } from '../../../models/disputes/open-dispute.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { openDisputePattern } from '../../../messages/callback-data/disputes.js';
import { createDisputeConversation, disputeConversationId } from './conversation.js';

/**
 * Disputes, user side: `dsp:open:<orderId>` (advertiser's order card, owner's order notices)
 * checks the presser is the order's advertiser or a member of its channel's workspace, then runs
 * the dispute conversation (reason, evidence). The admin side is bot/features/admin/cards/dispute.ts.
 */
export function createDisputesFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createDisputeConversation(deps), {
      id: disputeConversationId,
    }),
  );
  feature.chatType('private').callbackQuery(openDisputePattern, async (ctx) => {
    const orderId = ctx.match[1] ?? '';
    const accountId = ctx.account?.id;
    const role = accountId ? await disputeRoleOf(deps.database, accountId, orderId) : undefined;
    if (!role)
      return ctx.answerCallbackQuery({ text: ctx.t('disputes-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(disputeConversationId, { orderId });
  });
  return feature;
}
