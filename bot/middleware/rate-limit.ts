import { limit } from '@grammyjs/ratelimiter';
import type { BotI18n } from '../i18n.js';
import type { MiddlewareFn } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { localeFromLanguageCode } from '../i18n.js';
import { isRateLimitExempt } from './rate-limit-exempt.js';
import { createFallbackStore, type CounterStore } from './rate-limit-store.js';

/** Updates a user may send per window before the bot ignores them until the window ends. */
export const rateLimit = {
  updates: 100,
  windowMs: 60_000,
  /** Redis key of a user's counter: prefix + Telegram user id. */
  keyPrefix: 'lytslot:ratelimit:',
} as const;

/**
 * Drops a user's updates beyond the limit. The first excess update of a window gets one short
 * notice (in a private chat); later ones are dropped silently. Exempt updates (payments, refunds,
 * membership, channel posts, the admin chat, service messages: rate-limit-exempt.ts) are neither
 * counted nor dropped. Counters live in Redis when deps.redis is set (shared by all processes),
 * in memory while it fails, and in memory without it.
 */
export function createRateLimiter(deps: BotDeps, i18n: BotI18n): MiddlewareFn<BotContext> {
  const adminChatId = deps.config.adminChatId;
  return limit<BotContext, CounterStore>({
    timeFrame: rateLimit.windowMs,
    limit: rateLimit.updates,
    storageClient: deps.redis
      ? createFallbackStore(deps.redis, deps.logger, { windowMs: rateLimit.windowMs })
      : 'MEMORY_STORE',
    keyPrefix: rateLimit.keyPrefix,
    keyGenerator: (ctx) =>
      ctx.from && !ctx.from.is_bot && !isRateLimitExempt(ctx, adminChatId)
        ? String(ctx.from.id)
        : undefined,
    onLimitExceeded: async (ctx) => {
      deps.logger.info({ user_id: ctx.from?.id }, 'rate limit exceeded');
      if (ctx.chat?.type !== 'private') return;
      // Runs before session and i18n: the Telegram language is all we know here.
      const locale = localeFromLanguageCode(ctx.from?.language_code);
      await ctx.reply(i18n.t(locale, 'ratelimit-notice'));
    },
  });
}
