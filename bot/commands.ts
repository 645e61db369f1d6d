import type { BotCommand } from 'grammy/types';

/** The command list shown by Telegram, with descriptions from the locale files. */
export function localizedCommands(t: (key: string) => string): BotCommand[] {
  return [
    { command: 'start', description: t('commands-start') },
    { command: 'orders', description: t('commands-orders') },
    { command: 'plan', description: t('subscription-command') },
    { command: 'balance', description: t('balance-command') },
    { command: 'analytics', description: t('analytics-command') },
    { command: 'apikeys', description: t('apikeys-command') },
    { command: 'help', description: t('commands-help') },
    { command: 'paysupport', description: t('paysupport-command') },
    { command: 'language', description: t('commands-language') },
    { command: 'cancel', description: t('commands-cancel') },
  ];
}

/** The commands platform admins use in the admin chat (not published with setMyCommands). */
export function adminCommands(t: (key: string) => string): BotCommand[] {
  return [
    { command: 'order', description: t('commands-admin-order') },
    { command: 'channel', description: t('commands-admin-channel') },
    { command: 'user', description: t('commands-admin-user') },
    { command: 'audit', description: t('commands-admin-audit') },
    { command: 'block', description: t('commands-admin-block') },
    { command: 'unblock', description: t('commands-admin-unblock') },
    { command: 'stats', description: t('commands-admin-stats') },
    { command: 'moderation', description: t('commands-admin-moderation') },
    { command: 'adminlang', description: t('commands-admin-adminlang') },
  ];
}
