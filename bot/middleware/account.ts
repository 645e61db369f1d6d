import type { Context, MiddlewareFn } from 'grammy';
import { ensureAccount } from '../../models/accounts/ensure-account.js';
import { accountBlockReason } from '../../models/accounts/queries.js';
import type { BotContext, BotDeps } from '../context.js';
import { asLocale, localeFromLanguageCode } from '../i18n.js';
import { sessionKeyOf } from '../session.js';

/** Updates that come from a user talking to the bot (not group chatter or channel joins). */
export function isAccountUpdate(ctx: Context): boolean {
  if (!ctx.from || ctx.from.is_bot) return false;
  return ctx.chat === undefined || ctx.chat.type === 'private' || ctx.myChatMember !== undefined;
}

/**
 * Ensures the sender has an account (created on first contact with their Telegram language),
 * exposes it as ctx.account, keeps the session language in step with accounts.language (the
 * user's language for everything the bot sends, also from jobs), and stops blocked users here.
 */
export function createAccountMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || !isAccountUpdate(ctx)) return next();
    const row = await deps.database.withScope({}, (tx) =>
      ensureAccount(
        tx,
        {
          telegramId: from.id,
          username: from.username,
          firstName: from.first_name,
          language: localeFromLanguageCode(from.language_code),
        },
        deps.clock,
      ),
    );
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
  };
}
