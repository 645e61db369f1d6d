import type { BotError } from 'grammy';
import type { BotI18n } from '../i18n.js';
import type { BotContext, BotDeps } from '../context.js';
import { localeFromLanguageCode } from '../i18n.js';

/**
 * The one error handler of the bot edge: logs with the update id and, in a private chat,
 * tells the user something went wrong (in their language, even if i18n never ran).
 */
export function createErrorHandler(
  deps: BotDeps,
  i18n: BotI18n,
): (error: BotError<BotContext>) => Promise<void> {
  return async ({ error, ctx }) => {
    deps.logger.error(
      { err: error, update_id: ctx.update.update_id, chat_id: ctx.chat?.id },
      'update handling failed',
    );
    if (ctx.chat?.type !== 'private') return;
    const text =
      typeof ctx.t === 'function'
        ? ctx.t('error-generic')
        : i18n.t(localeFromLanguageCode(ctx.from?.language_code), 'error-generic');
    try {
      await ctx.reply(text);
    } catch (replyError) {
      deps.logger.warn(
        { err: replyError, update_id: ctx.update.update_id },
        'could not tell the user about a failed update',
      );
    }
  };
}
