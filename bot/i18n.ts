import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { BotContext } from './context.js';
import { sessionKeyOf } from './session.js';

export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Absolute path of locales/, resolved from this file so the cwd does not matter. */
export const localesDirectory = fileURLToPath(new URL('../locales/', import.meta.url));

/** Narrows any string to a supported locale, or undefined. */
export function asLocale(value: string | undefined | null): Locale | undefined {
  return locales.find((l) => l === value);
}

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
