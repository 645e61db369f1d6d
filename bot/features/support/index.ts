import { createConversation } from '@grammyjs/conversations';
import type { I18n } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { createSupportConversation, supportConversationId } from './conversation.js';

/** Registers the support conversation (entered from the help menu). */
export function createSupportFeature(deps: BotDeps, i18n: I18n<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createSupportConversation(deps, i18n), {
      id: supportConversationId,
    }),
  );
  return feature;
}
