import type { BotCommand } from 'grammy/types';
import type { Config } from '../../../config.js';
import { adminCommands, localizedCommands } from '../../commands.js';
import type { BotContext } from '../../context.js';
import { isPlatformAdmin } from '../admin/guard.js';
import { trustedHtml } from '../../../format/html.js';

const line = (c: BotCommand) => `/${c.command} — ${c.description}`;

/**
 * The /help text: every command of the user's roles (advertiser and owner commands for everyone,
 * the admin chat's commands for platform admins), described in the user's language.
 */
export function helpText(ctx: BotContext, config?: Pick<Config, 'adminTelegramIds'>): string {
  const t = (key: string) => ctx.t(key);
  const sections = [localizedCommands(t).map(line).join('\n')];
  if (config && isPlatformAdmin(config, ctx.from?.id))
    sections.push([ctx.t('help-admin-title'), ...adminCommands(t).map(line)].join('\n'));
  return ctx.t('help-text', { commands: trustedHtml(sections.join('\n\n')) });
}
