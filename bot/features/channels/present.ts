import { GrammyError, type InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.js';
import { html } from '../../html.js';

const options = (keyboard: InlineKeyboard) => ({
  ...html,
  reply_markup: keyboard,
  link_preview_options: { is_disabled: true },
});

/**
 * Shows a screen: edits the message whose button was pressed (the screen replaces it), else
 * replies. "message is not modified" (the same button twice) is ignored.
 */
export async function present(
  ctx: BotContext,
  text: string,
  keyboard: InlineKeyboard,
): Promise<void> {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(text, options(keyboard));
      return;
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
      if (error.description.includes('message is not modified')) return;
      // Too old or not editable: fall through and send the screen as a new message.
    }
  }
  await ctx.reply(text, options(keyboard));
}
