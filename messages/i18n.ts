import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n, type I18nFlavor, type LocaleNegotiator } from '@grammyjs/i18n';
import type { Context, MiddlewareFn, MiddlewareObj } from 'grammy';
import { escapeHtml, TrustedHtml } from '../format/html.js';
import { defaultLocale, locales } from '../format/locale.js';

/** Absolute path of locales/, resolved from this file so the cwd does not matter. */
export const localesDirectory = fileURLToPath(new URL('../locales/', import.meta.url));

/** A value shown in an HTML message: text (escaped here), a number or date (per locale), HTML we built. */
export type HtmlArg = string | number | Date | TrustedHtml;
export type HtmlArgs = Record<string, HtmlArg>;
/** Values for a plain-text destination (a button, an alert, an invoice): shown exactly as given. */
export type PlainArgs = Record<string, string | number | Date>;

/** A text for an HTML message (every message is HTML: telegram/parse-mode.ts). */
export type Translate = (key: string, variables?: HtmlArgs) => string;
/** A text for a plain-text destination: button labels, callback alerts, invoices, inline results. */
export type PlainTranslate = (key: string, variables?: PlainArgs) => string;

/** What the context carries for translating: HTML texts (`t`) and plain ones (`tPlain`). */
export type HtmlI18nFlavor = Omit<I18nFlavor, 't' | 'translate'> & {
  t: Translate;
  translate: Translate;
  tPlain: PlainTranslate;
};

/** Arguments as Fluent gets them: text escaped once, here; trusted HTML unwrapped; the rest as is. */
export function htmlArgs(variables: HtmlArgs | undefined): PlainArgs | undefined {
  if (!variables) return undefined;
  const out: PlainArgs = {};
  for (const [name, value] of Object.entries(variables)) {
    out[name] =
      typeof value === 'string'
        ? escapeHtml(value)
        : value instanceof TrustedHtml
          ? value.value
          : value;
  }
  return out;
}

/**
 * @grammyjs/i18n with arguments escaped in the translate step: `t` (here and on the context, with
 * `translate`) escapes string arguments for HTML, `tPlain` leaves them as they are. The plugin's
 * middleware translates through Fluent directly, so the context's functions are wrapped after it.
 */
export class HtmlI18n<C extends Context = Context> implements MiddlewareObj<C> {
  readonly #i18n: I18n<C>;

  constructor(i18n: I18n<C>) {
    this.#i18n = i18n;
  }

  /** A text for an HTML message: string arguments escaped, trusted HTML as is. */
  t(locale: string, key: string, variables?: HtmlArgs): string {
    return this.#i18n.t(locale, key, htmlArgs(variables));
  }

  /** A text for a plain-text destination: arguments are not escaped. */
  tPlain(locale: string, key: string, variables?: PlainArgs): string {
    return this.#i18n.t(locale, key, variables);
  }

  middleware(): MiddlewareFn<C> {
    const install = this.#i18n.middleware();
    return (ctx, next) =>
      install(ctx as C & I18nFlavor, async () => {
        const plain: PlainTranslate = (ctx as C & I18nFlavor).translate;
        const html: Translate = (key, variables) => plain(key, htmlArgs(variables));
        Object.assign(ctx, { t: html, translate: html, tPlain: plain });
        await next();
      });
  }
}

/** What composing a message needs of i18n: a text by locale, key and arguments. */
export type Translator = Pick<HtmlI18n, 't' | 'tPlain'>;

/**
 * Loads locales/<locale>.ftl (synchronously, once per instance) into an I18n wrapped as HtmlI18n; the bot
 * passes its locale negotiator, jobs and notices need none (they name the locale).
 */
export function createI18n<C extends Context = Context>(
  localeNegotiator?: LocaleNegotiator<C>,
): HtmlI18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    // Unicode isolation marks around placeables would leak into HTML and tests.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
  for (const locale of locales) {
    i18n.loadLocaleSync(locale, { filePath: join(localesDirectory, `${locale}.ftl`) });
  }
  rememberBundleMatches(i18n.fluent);
  return new HtmlI18n(i18n);
}

/**
 * The Fluent wrapper negotiates the locale against its bundles (@fluent/langneg: parsing every
 * locale tag again) at each `translate`, dozens of times per update when a menu renders. The
 * bundles are all loaded before this is called and none is added later, so the bundles matching a
 * list of locales never change: each list's answer is kept (a handful of lists: ru, en; at most
 * 64 are kept, should a caller ever pass arbitrary tags).
 */
function rememberBundleMatches(fluent: object): void {
  const target = fluent as { matchBundles?: (locales: string[]) => unknown };
  const match = target.matchBundles?.bind(fluent);
  if (!match) return;
  const known = new Map<string, unknown>();
  target.matchBundles = (locales) => {
    const key = locales.join('\n');
    let bundles = known.get(key);
    if (bundles === undefined) {
      bundles = match(locales);
      if (known.size < 64) known.set(key, bundles);
    }
    return bundles;
  };
}
