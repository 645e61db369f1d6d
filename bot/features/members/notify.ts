import type { I18n } from '@grammyjs/i18n';
import { GrammyError, type Api } from 'grammy';
import type { BotContext, BotDeps } from '../../context.js';
import { html } from '../../html.js';
import { asLocale } from '../../i18n.js';

/** Tells another person something in their language; a blocked bot or a gone chat is only logged. */
export async function notifyAccount(
  api: Api,
  deps: BotDeps,
  i18n: I18n<BotContext>,
  to: { telegramId: number; language: string },
  render: (t: (key: string, variables?: Record<string, string | number>) => string) => string,
): Promise<void> {
  const locale = asLocale(to.language) ?? 'en';
  const text = render((key, variables) => i18n.t(locale, key, variables));
  try {
    await api.sendMessage(to.telegramId, text, html);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.warn({ err: error, telegram_id: to.telegramId }, 'member notice not delivered');
  }
}
