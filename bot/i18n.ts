import { asLocale, defaultLocale, localeOf, locales, type Locale } from '../format/locale.js';
import { createI18n as createMessagesI18n, type HtmlI18n } from '../messages/i18n.js';
import type { BotContext } from './context.js';
import { sessionKeyOf } from './session.js';

export { asLocale, defaultLocale, locales, type Locale };

/** The locale of the sender's account (set by the account middleware), for formatting. */
export const accountLocale = (ctx: BotContext): Locale => localeOf(ctx.account?.language);

/** Telegram language_code → our locale: ru* → ru, everything else (or nothing) → en. */
export function localeFromLanguageCode(code: string | undefined): Locale {
  return code?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The locale for a context: an explicit choice in the session wins, else the Telegram language. */
export function negotiateLocale(ctx: BotContext): Locale {
  const chosen = sessionKeyOf(ctx) === undefined ? undefined : asLocale(ctx.session.language);
  return chosen ?? localeFromLanguageCode(ctx.from?.language_code);
}

/** The bot's i18n (HTML-escaping `t`, plain `tPlain`), as features receive it. */
export type BotI18n = HtmlI18n<BotContext>;

/** The bot's i18n: messages/i18n.ts with the locale negotiated per update. */
export function createI18n(): BotI18n {
  return createMessagesI18n<BotContext>(negotiateLocale);
}
