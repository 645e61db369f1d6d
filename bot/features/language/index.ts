import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../../format/html.js';

/** /language shows the language menu. */
export function createLanguageFeature(languageMenu: Menu<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType('private').command('language', async (ctx) => {
    await ctx.reply(ctx.t('language-prompt'), { ...html, reply_markup: languageMenu });
  });
  return feature;
}
