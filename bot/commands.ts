import type { BotCommand } from 'grammy/types';

/** The command list shown by Telegram, with descriptions from the locale files. */
export function localizedCommands(t: (key: string) => string): BotCommand[] {
  return [
    { command: 'start', description: t('commands-start') },
    { command: 'orders', description: t('commands-orders') },
    { command: 'plan', description: t('subscription-command') },
    { command: 'balance', description: t('balance-command') },
    { command: 'help', description: t('commands-help') },
    { command: 'paysupport', description: t('paysupport-command') },
    { command: 'language', description: t('commands-language') },
    { command: 'cancel', description: t('commands-cancel') },
  ];
}
