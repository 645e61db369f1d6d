import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';

/** /language shows the language menu. */
export function createLanguageFeature(languageMenu: Menu<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('language', async (ctx) => {
    await ctx.reply(ctx.t('language-prompt'), { reply_markup: languageMenu });
  });
  return feature;
}
