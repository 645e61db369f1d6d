import { GrammyError } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';
import type { Screen } from './screens.js';

/** Shows a screen in place of the pressed message ("message is not modified" is ignored). */
export async function editScreen(ctx: BotContext, screen: Screen): Promise<void> {
  try {
    await ctx.editMessageText(screen.text, { ...html, reply_markup: screen.keyboard });
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes('message is not modified'))
      return;
    throw error;
  }
}
