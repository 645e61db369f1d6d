import type { Context, MiddlewareFn } from 'grammy';
import { loadSender } from '../../models/accounts/load-sender.js';
import { accountBlockReason, type AccountRow } from '../../models/accounts/queries.js';
import type { BotContext, BotDeps, SessionData } from '../context.js';
import { asLocale, localeFromLanguageCode } from '../i18n.js';
import { sessionKeyOf } from '../session.js';
import type { SessionStorage } from '../session-storage.js';

/** Updates that come from a user talking to the bot (not group chatter or channel joins). */
export function isAccountUpdate(ctx: Context): boolean {
  if (!ctx.from || ctx.from.is_bot) return false;
  return ctx.chat === undefined || ctx.chat.type === 'private' || ctx.myChatMember !== undefined;
}

/** The two halves of the account middleware (bot/index.ts puts session and i18n between them). */
export interface AccountMiddleware {
  /**
   * Before the session: loads the sender's account (created on first contact with their Telegram
   * language) and session row together (models/accounts/load-sender.ts: one round trip as a rule)
   * and hands the session row to the session middleware, which then reads nothing.
   */
  load: MiddlewareFn<BotContext>;
  /**
   * After session and i18n: exposes the account as ctx.account, keeps the session language in step
   * with accounts.language (the user's language for everything the bot sends, also from jobs), and
   * stops blocked users here.
   */
  apply: MiddlewareFn<BotContext>;
}

/** The account middleware over the session storage it primes. */
export function createAccountMiddleware(
  deps: BotDeps,
  sessions: SessionStorage<SessionData>,
): AccountMiddleware {
  const loaded = new WeakMap<Context, AccountRow>();
  return {
    async load(ctx, next) {
      const from = ctx.from;
      if (!from || !isAccountUpdate(ctx)) return next();
      const key = sessionKeyOf(ctx);
      const sender = await loadSender(
        deps.database,
        {
          telegramId: from.id,
          username: from.username,
          firstName: from.first_name,
          language: localeFromLanguageCode(from.language_code),
        },
        key,
        deps.clock,
      );
      loaded.set(ctx, sender.account);
      return key === undefined ? next() : sessions.primed(key, sender.session, next);
    },

    async apply(ctx, next) {
      const from = ctx.from;
      const row = loaded.get(ctx);
      if (!from || !row) return next();
      const language = asLocale(row.language) ?? localeFromLanguageCode(from.language_code);
      ctx.account = { id: row.id, language };
      if (sessionKeyOf(ctx) !== undefined && ctx.session.language !== language) {
        ctx.session.language = language;
        await ctx.i18n.renegotiateLocale();
      }
      if (row.blockedAt) {
        // Told why (the admin's reason, cut to fit an alert), never let through.
        const reason = await deps.database.withScope({}, (tx) => accountBlockReason(tx, row.id));
        const why = reason && reason.length > 90 ? `${reason.slice(0, 89)}…` : reason;
        if (ctx.callbackQuery)
          await ctx.answerCallbackQuery({
            text: why
              ? ctx.tPlain('admin-ops-booking-blocked', { reason: why })
              : ctx.t('account-blocked'),
            show_alert: true,
          });
        else if (ctx.message && ctx.chat?.type === 'private')
          await ctx.reply(
            reason
              ? ctx.t('admin-ops-account-blocked', { reason: reason })
              : ctx.t('account-blocked'),
          );
        return;
      }
      await next();
    },
  };
}
