import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { readSellingSettings } from '../../../models/selling/update-settings.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import {
  contentRulesConversationId,
  createContentRulesConversation,
} from './rules-conversation.js';

const rulesPattern = /^mk:rules:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

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
  feature.chatType('private').callbackQuery(rulesPattern, async (ctx) => {
    const channelId = ctx.match[1] ?? '';
    const accountId = ctx.account?.id;
    const view = accountId
      ? await readSellingSettings(deps.database, { accountId, channelId })
      : null;
    if (!view?.ok) {
      return ctx.answerCallbackQuery({ text: ctx.t('marking-rules-not-found'), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(contentRulesConversationId, channelId);
  });
  return feature;
}
