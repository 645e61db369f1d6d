import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import { asLocale, defaultLocale, localeOf, locales, type Locale } from '../format/locale.js';
import type { BotContext } from './context.js';
import { sessionKeyOf } from './session.js';

export { asLocale, defaultLocale, locales, type Locale };

/** Absolute path of locales/, resolved from this file so the cwd does not matter. */
export const localesDirectory = fileURLToPath(new URL('../locales/', import.meta.url));

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

/** Loads locales/<locale>.ftl (synchronously, once per bot) into an I18n instance. */
export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale,
    // Unicode isolation marks around placeables would leak into HTML and tests.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiateLocale,
  });
  for (const locale of locales) {
    i18n.loadLocaleSync(locale, { filePath: join(localesDirectory, `${locale}.ftl`) });
  }
  return i18n;
}
