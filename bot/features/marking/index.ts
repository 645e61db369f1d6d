import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { readSellingSettings } from '../../../models/selling/update-settings.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { contentRulesData } from '../../../messages/callback-data/marking.js';
import {
  contentRulesConversationId,
  createContentRulesConversation,
} from './rules-conversation.js';
import { privateChats } from '../../kit/account.js';

/**
 * `mk:rules:<channelId>` (the selling settings' «Stop words & domains» button): checks the member
 * may see the channel (editing is checked again on save) and asks for the lists.
 */
export function createMarkingFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createContentRulesConversation(deps), {
      id: contentRulesConversationId,
    }),
  );
  privateChats(feature).callbackQuery(contentRulesData.filter, async (ctx) => {
    const { channelId } = contentRulesData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    const view = await readSellingSettings(deps.database, { accountId, channelId });
    if (!view.ok) {
      return ctx.answerCallbackQuery({ text: ctx.t('marking-rules-not-found'), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(contentRulesConversationId, channelId);
  });
  return feature;
}
