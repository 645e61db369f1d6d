import { type Context, GrammyError, type InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

/** Telegram's answer to an edit that changes nothing (the same button pressed twice). */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}

/** For `.catch` after an edit: "message is not modified" is success, anything else is thrown. */
export function ignoreNotModified(error: unknown): void {
  if (!isNotModified(error)) throw error;
}

/** What a screen shows: its text (HTML) and its buttons. */
export interface Screen {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

/** A screen whose buttons are a grammY keyboard still open to more rows (a caller may add some). */
export interface KeyboardScreen extends Screen {
  keyboard: InlineKeyboard;
}

/**
 * Shows a screen (HTML, no link preview): a button press turns its own message into the screen
 * (the text, or the caption of a media message); when that message cannot be edited (too old,
 * deleted, a sticker, a caption too long…) the screen comes as a new message, as it does for a
 * typed command. The same screen twice is not an error. Other failures (blocked, flood) throw.
 */
export async function showScreen(ctx: Context, screen: Screen): Promise<void>;
export async function showScreen(
  ctx: Context,
  text: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<void>;
export async function showScreen(
  ctx: Context,
  screen: Screen | string,
  keyboard?: InlineKeyboardMarkup,
): Promise<void> {
  const { text, keyboard: markup } =
    typeof screen === 'string' ? { text: screen, keyboard } : screen;
  const options = { reply_markup: markup, link_preview_options: { is_disabled: true } };
  const message = ctx.callbackQuery?.message;
  // An inaccessible message (date 0) is older than 48 hours: there is nothing left to edit.
  if (message && message.date !== 0) {
    try {
      if (message.text !== undefined) await ctx.editMessageText(text, options);
      else await ctx.editMessageCaption({ caption: text, reply_markup: markup });
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    }
  }
  await ctx.reply(text, options);
}
