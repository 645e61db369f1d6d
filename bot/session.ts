import { type Context, type MiddlewareFn, session } from 'grammy';
import type { BotContext, SessionData } from './context.js';
import type { SessionStorage } from './session-storage.js';

/**
 * Sessions are per user and exist only where the user talks to the bot directly: private chats
 * and chat-less updates (inline queries, payments). Groups and channels have no session.
 */
export function sessionKeyOf(ctx: Context): string | undefined {
  if (!ctx.from || ctx.from.is_bot) return undefined;
  if (ctx.chat && ctx.chat.type !== 'private') return undefined;
  return `user:${ctx.from.id}`;
}

/** The session middleware, backed by PostgreSQL (bot/session-storage.ts). */
export function createSessionMiddleware(
  storage: SessionStorage<SessionData>,
): MiddlewareFn<BotContext> {
  return session<SessionData, BotContext>({
    storage,
    getSessionKey: sessionKeyOf,
    initial: () => ({}),
  });
}
