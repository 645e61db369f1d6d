/** The languages the bot writes in; everyone else reads English. */
export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Narrows any string to a supported locale, or undefined. */
export function asLocale(value: string | undefined | null): Locale | undefined {
  return locales.find((l) => l === value);
}

/** The locale to write in for a stored language (an account's): English unless we speak it. */
export function localeOf(language: string | undefined | null): Locale {
  return asLocale(language) ?? defaultLocale;
}
