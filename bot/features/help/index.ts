import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../../context.js';
import { helpText } from './text.js';

/**
 * /help: what the bot does, every command of the user's roles, and the help menu (ask support).
 * Without deps the admin chat's commands are left out even for admins.
 */
export function createHelpFeature(
  helpMenu: Menu<BotContext>,
  deps?: Pick<BotDeps, 'config'>,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('help', async (ctx) => {
    await ctx.reply(helpText(ctx, deps?.config), { reply_markup: helpMenu });
  });
  return feature;
}
