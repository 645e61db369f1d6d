import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { disputeRoleOf } from '../../../models/disputes/open-dispute.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { openDisputeData } from '../../../messages/callback-data/disputes.js';
import { createDisputeConversation, disputeConversationId } from './conversation.js';
import { privateChats } from '../../kit/account.js';

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
  privateChats(feature).callbackQuery(openDisputeData.filter, async (ctx) => {
    const { orderId } = openDisputeData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    const role = await disputeRoleOf(deps.database, accountId, orderId);
    if (!role)
      return ctx.answerCallbackQuery({ text: ctx.t('disputes-not-found'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(disputeConversationId, { orderId });
  });
  return feature;
}
