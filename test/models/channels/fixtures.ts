import { createSystemClock } from '../../../models/clock.js';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import type { ChannelFacts } from '../../../models/channels/rights.js';
import type { Database } from '../../../models/db.js';

let telegramSeq = 5_000_000 + Math.floor(Math.random() * 1_000_000);

/** A new account (as the bot's account middleware creates it). */
export async function createAccount(
  database: Database,
  language = 'en',
): Promise<{ id: string; telegramId: number }> {
  telegramSeq += 1;
  const telegramId = telegramSeq;
  const row = await database.withScope({}, (tx) =>
    ensureAccount(
      tx,
      { telegramId, username: undefined, firstName: `User ${telegramId}`, language },
      createSystemClock(),
    ),
  );
  return { id: row.id, telegramId };
}

let chatSeq = 1_000_000_000_000 + Math.floor(Math.random() * 1_000_000);

/** A fresh Telegram channel id. */
export function newChatId(): number {
  chatSeq += 1;
  return -chatSeq;
}

const admin = {
  status: 'administrator',
  can_post_messages: true,
  can_edit_messages: true,
  can_delete_messages: true,
};

/** What the bot edge would fetch about a channel the person created and the bot fully administers. */
export function channelFacts(overrides: Partial<ChannelFacts> = {}): ChannelFacts {
  return {
    telegramChatId: newChatId(),
    type: 'channel',
    title: 'Olga Travels',
    username: 'olga_travels',
    subscribers: 12_400,
    user: { status: 'creator' },
    bot: { ...admin },
    ...overrides,
  };
}
