import {
  type Conversation,
  type ConversationData,
  conversations,
  type VersionedStateStorage,
} from '@grammyjs/conversations';
import type { MiddlewareFn } from 'grammy';
import type { BotContext, ConversationContext } from './context.js';
import { conversationAutoRetry } from './middleware/auto-retry.js';
import { conversationReplyJournal } from './middleware/reply-journal.js';
import { sessionKeyOf } from './session.js';
import type { HtmlI18n } from '../messages/i18n.js';
import { htmlByDefault } from '../telegram/parse-mode.js';

/** Bump when a conversation's code changes so that stored replay logs of old code are dropped. */
export const conversationStateVersion = 2;

/**
 * Conversation state lives in the user's session row (PostgreSQL), so it is read and written in
 * the same transactions as the session and survives restarts. No session ⇒ no conversation.
 */
const sessionBackedState: VersionedStateStorage<BotContext, ConversationData> = {
  read: (ctx) => (sessionKeyOf(ctx) === undefined ? undefined : ctx.session.conversation),
  write: (ctx, state) => {
    ctx.session.conversation = state;
  },
  delete: (ctx) => {
    if (sessionKeyOf(ctx) !== undefined) delete ctx.session.conversation;
  },
};

/**
 * Translation inside conversations: each replayed context is new, so the outside locale (the
 * session's choice) is fetched through `external` (recorded, hence stable across replays).
 */
function conversationI18n(
  i18n: HtmlI18n<BotContext>,
  conversation: Conversation<BotContext, ConversationContext>,
): MiddlewareFn<ConversationContext> {
  return async (ctx, next) => {
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    ctx.t = (key, variables) => i18n.t(locale, key, variables);
    ctx.translate = ctx.t;
    ctx.tPlain = (key, variables) => i18n.tPlain(locale, key, variables);
    await next();
  };
}

/** A conversation's Api is its own (bot.api's transformers do not reach it): HTML by default. */
const conversationHtml: MiddlewareFn<ConversationContext> = async (ctx, next) => {
  ctx.api.config.use(htmlByDefault);
  await next();
};

/**
 * The conversations plugin: PostgreSQL-backed state, auto-retry, HTML by default and i18n in
 * every conversation.
 */
export function createConversations(i18n: HtmlI18n<BotContext>): MiddlewareFn<BotContext> {
  return conversations<BotContext, ConversationContext>({
    storage: { type: 'context', version: conversationStateVersion, adapter: sessionBackedState },
    plugins: (conversation) => [
      conversationAutoRetry,
      conversationHtml,
      conversationReplyJournal,
      conversationI18n(i18n, conversation),
    ],
  });
}
