import { eq } from 'drizzle-orm';
import { channels } from '../../../models/schema.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import type { BotHarness } from '../harness.js';

/** Labels of a message's inline buttons. */
export function buttonsOf(message: ApiMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

/** Callback data and URLs of a message's inline buttons. */
export function actionsOf(message: ApiMessage): string[] {
  return (message.reply_markup?.inline_keyboard ?? [])
    .flat()
    .map((b) => b.callback_data ?? b.url ?? '');
}

/** The registered channel row of a Telegram chat (read through the system path), or undefined. */
export async function channelRow(h: BotHarness, telegramChatId: number) {
  const rows = await h.database.withSystem('test: read channel', (tx) =>
    tx.select().from(channels).where(eq(channels.telegramChatId, telegramChatId)),
  );
  return rows[0];
}

/**
 * Presses a button with crafted callback data, as a modified client could: the newest bot
 * message in the user's chat gets that button first. Returns the bot's callback answer.
 */
export async function pressCrafted(h: BotHarness, user: TestUser, data: string) {
  const chat = h.sandbox.emulator.chat(user.id, h.sandbox.bot.id);
  const newest = [...chat.messages.values()].reverse().find((s) => s.byBotId !== null);
  if (!newest) throw new Error('no bot message to press on');
  newest.message.reply_markup = { inline_keyboard: [[{ text: 'crafted', callback_data: data }]] };
  return user.click({ data });
}
