import { autoRetry } from '@grammyjs/auto-retry';
import type { MiddlewareFn, Transformer } from 'grammy';
import type { ConversationContext } from '../context.js';

/**
 * Interactive handlers wait out a 429 for at most a minute and retry a few times; a longer
 * flood wait fails the update (logged by the error boundary) rather than stalling its chat.
 */
const retryOptions = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/** The auto-retry transformer for bot.api (every context Api inherits it). */
export function createAutoRetry(): Transformer {
  return autoRetry(retryOptions);
}

/**
 * Conversation plugin: conversations build a fresh Api per update that does not inherit
 * bot.api's transformers, so auto-retry is installed on each of them here.
 */
export const conversationAutoRetry: MiddlewareFn<ConversationContext> = async (ctx, next) => {
  ctx.api.config.use(autoRetry(retryOptions));
  await next();
};
