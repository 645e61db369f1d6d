import type { BotI18n } from '../../i18n.js';
import { GrammyError } from 'grammy';
import { localeOf } from '../../../format/locale.js';
import type { BotDeps } from '../../context.js';

/** Tells another person something in their language; a blocked bot or a gone chat is only logged. */
export async function notifyAccount(
  deps: BotDeps,
  i18n: BotI18n,
  to: { telegramId: number; language: string },
  render: (t: (key: string, variables?: Record<string, string | number>) => string) => string,
): Promise<void> {
  const locale = localeOf(to.language);
  const text = render((key, variables) => i18n.t(locale, key, variables));
  try {
    await deps.outbound.api.sendMessage(to.telegramId, text);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.warn({ err: error, telegram_id: to.telegramId }, 'member notice not delivered');
  }
}
