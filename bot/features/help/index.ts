import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';

/** /help: what the bot does, the commands, and the help menu (ask support). */
export function createHelpFeature(helpMenu: Menu<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('help', async (ctx) => {
    await ctx.reply(ctx.t('help-text'), { ...html, reply_markup: helpMenu });
  });
  return feature;
}
