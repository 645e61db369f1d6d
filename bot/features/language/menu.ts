import { Menu, type MenuFlavor } from '@grammyjs/menu';
import { setAccountLanguage } from '../../../models/accounts/set-account-language.js';
import type { BotContext, BotDeps } from '../../context.js';
import type { Locale } from '../../i18n.js';
import { menuOptions, showInMenu } from '../../menu-options.js';

async function switchLanguage(deps: BotDeps, ctx: BotContext & MenuFlavor, locale: Locale) {
  const telegramId = ctx.from?.id;
  if (telegramId === undefined) return;
  ctx.session.language = locale;
  const result = await deps.database.withScope({}, (tx) =>
    setAccountLanguage(tx, telegramId, locale, deps.clock),
  );
  if (!result.ok) {
    // The account middleware creates accounts before any menu runs; the session still holds it.
    deps.logger.warn({ code: result.code, user_id: telegramId }, 'language not stored on account');
  }
  await ctx.i18n.renegotiateLocale();
  await showInMenu(ctx, ctx.t('language-changed'));
}

/** Русский / English: switches, persists (session and accounts.language), answers in the new language. */
export function createLanguageMenu(deps: BotDeps): Menu<BotContext> {
  return new Menu<BotContext>('language', menuOptions)
    .text(
      (ctx) => ctx.t('language-button-ru'),
      (ctx) => switchLanguage(deps, ctx, 'ru'),
    )
    .text(
      (ctx) => ctx.t('language-button-en'),
      (ctx) => switchLanguage(deps, ctx, 'en'),
    );
}
