import type { BotCommand } from 'grammy/types';

/** The command list shown by Telegram, with descriptions from the locale files. */
export function localizedCommands(t: (key: string) => string): BotCommand[] {
  return [
    { command: 'start', description: t('commands-start') },
    { command: 'orders', description: t('commands-orders') },
    { command: 'help', description: t('commands-help') },
    { command: 'language', description: t('commands-language') },
    { command: 'cancel', description: t('commands-cancel') },
  ];
}
