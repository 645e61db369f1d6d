import { createConversation } from '@grammyjs/conversations';
import type { BotI18n } from '../../i18n.js';
import { Composer } from 'grammy';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { createSupportConversation, supportConversationId } from './conversation.js';

/** Registers the support conversation (entered from the help menu). */
export function createSupportFeature(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createSupportConversation(deps, i18n), {
      id: supportConversationId,
    }),
  );
  return feature;
}
