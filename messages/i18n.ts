import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n, type LocaleNegotiator } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import { defaultLocale, locales } from '../format/locale.js';

/** Absolute path of locales/, resolved from this file so the cwd does not matter. */
export const localesDirectory = fileURLToPath(new URL('../locales/', import.meta.url));

/** What composing a message needs of i18n: a text by locale, key and arguments. */
export type Translator = Pick<I18n, 't'>;

/**
 * Loads locales/<locale>.ftl (synchronously, once per instance) into an I18n instance; the bot
 * passes its locale negotiator, jobs and notices need none (they name the locale).
 */
export function createI18n<C extends Context = Context>(
  localeNegotiator?: LocaleNegotiator<C>,
): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    // Unicode isolation marks around placeables would leak into HTML and tests.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
  for (const locale of locales) {
    i18n.loadLocaleSync(locale, { filePath: join(localesDirectory, `${locale}.ftl`) });
  }
  return i18n;
}
