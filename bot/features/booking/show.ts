import { GrammyError } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';
import type { Screen } from './render.js';

/** Edits the pressed message into the screen ("message is not modified" ignored), else replies. */
export async function show(ctx: BotContext, screen: Screen): Promise<void> {
  const options = { ...html, reply_markup: screen.keyboard };
  try {
    await ctx.editMessageText(screen.text, options);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    if (error.description.includes('message is not modified')) return;
    await ctx.reply(screen.text, options);
  }
}
