import { eq } from 'drizzle-orm';
import { accounts } from '../../../models/schema.js';
import { defaultChannelSettings } from '../../../models/channels/settings.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { BotHarness } from '../harness.js';
import { makeOwnChannel } from '../../factories/channels.js';

/** The account of a person who has already talked to the bot. */
export async function accountOf(h: BotHarness, user: TestUser): Promise<string> {
  const [row] = await h.database.withScope({}, (tx) =>
    tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.telegramId, user.id)),
  );
  if (!row) throw new Error(`no account for ${user.id}`);
  return row.id;
}

/** A registered channel of the user's own workspace, inserted directly (the add flow is tested elsewhere). */
export async function seedOwnedChannel(
  h: BotHarness,
  user: TestUser,
  title: string,
  language = 'en',
): Promise<{ accountId: string; workspaceId: string; channelId: string }> {
  const accountId = await accountOf(h, user);
  const channel = await makeOwnChannel(h.database, accountId, {
    title,
    language,
    subscribers: 0,
    // The defaults as registering leaves them (no prices yet).
    settings: defaultChannelSettings(language),
  });
  return { accountId, workspaceId: channel.workspaceId, channelId: channel.id };
}

/** Stands in for another feature's screen: a bot message with one callback button. */
export async function sendEntryButton(
  h: BotHarness,
  user: TestUser,
  label: string,
  data: string,
): Promise<void> {
  const sent = await callBotApi(h.sandbox, 'sendMessage', {
    chat_id: user.id,
    text: `entry: ${label}`,
    reply_markup: { inline_keyboard: [[{ text: label, callback_data: data }]] },
  });
  if (!sent.ok) throw new Error(sent.description);
  await user.waitForMessage(`entry: ${label}`);
}

/** The text of the newest bot message (edited in place or new). */
export function newestText(user: TestUser): string {
  return user.botMessages().at(-1)?.text ?? '';
}

export function buttonsOf(message: { reply_markup?: { inline_keyboard?: { text: string }[][] } }) {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}
