import type { MenuFlavor, MenuOptions } from '@grammyjs/menu';
import { GrammyError } from 'grammy';
import type { BotContext } from './context.js';

/**
 * Shared menu options: an outdated menu (e.g. pressed after a language switch) is answered in
 * the user's language and redrawn, instead of the plugin's built-in English text.
 */
export const menuOptions: MenuOptions<BotContext> = {
  onMenuOutdated: async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('menu-outdated') });
    await ctx.menu.update();
  },
};

/**
 * Replaces the text of the menu's message (the menu is kept or swapped by ctx.menu.nav/back).
 * Pressing the same button twice would make Telegram answer "message is not modified": ignored.
 */
export async function showInMenu(ctx: BotContext & MenuFlavor, text: string): Promise<void> {
  try {
    await ctx.editMessageText(text);
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes('message is not modified'))
      return;
    throw error;
  }
}
