import { limit } from '@grammyjs/ratelimiter';
import type { I18n } from '@grammyjs/i18n';
import type { MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import type { BotContext, BotDeps } from '../context.js';
import { html } from '../html.js';
import { localeFromLanguageCode } from '../i18n.js';

/** Updates a user may send per window before the bot ignores them until the window ends. */
export const rateLimit = { updates: 100, windowMs: 60_000 } as const;

/**
 * Drops a user's updates beyond the limit. The first excess update of a window gets one short
 * notice (in a private chat); later ones are dropped silently. Counters live in Redis when
 * deps.redis is set (shared by all processes), otherwise in memory.
 */
export function createRateLimiter(deps: BotDeps, i18n: I18n<BotContext>): MiddlewareFn<BotContext> {
  return limit<BotContext, Redis>({
    timeFrame: rateLimit.windowMs,
    limit: rateLimit.updates,
    storageClient: deps.redis ?? 'MEMORY_STORE',
    keyPrefix: 'lytslot:ratelimit:',
    keyGenerator: (ctx) => (ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : undefined),
    onLimitExceeded: async (ctx) => {
      deps.logger.info({ user_id: ctx.from?.id }, 'rate limit exceeded');
      if (ctx.chat?.type !== 'private') return;
      // Runs before session and i18n: the Telegram language is all we know here.
      const locale = localeFromLanguageCode(ctx.from?.language_code);
      await ctx.reply(i18n.t(locale, 'ratelimit-notice'), html);
    },
  });
}
