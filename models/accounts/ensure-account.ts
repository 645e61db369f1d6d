import type { Clock } from '../clock.js';
import type { DbOrTx } from '../db.js';
import {
  findAccountByTelegramId,
  insertAccount,
  updateAccountProfile,
  type AccountRow,
} from './queries.js';

export interface TelegramUserProfile {
  telegramId: number;
  username: string | undefined;
  firstName: string | undefined;
  /** Language for a new account (the user's Telegram language, mapped to a supported locale). */
  language: string;
}

/**
 * Returns the account of a Telegram user, creating it on first contact. An existing account's
 * language is the user's choice and is never overwritten here. The usual path is one indexed
 * SELECT with no write; profile fields are updated only when Telegram reports a change.
 */
export async function ensureAccount(
  tx: DbOrTx,
  user: TelegramUserProfile,
  clock: Clock,
): Promise<AccountRow> {
  const username = user.username ?? null;
  const firstName = user.firstName ?? null;
  const found = await findAccountByTelegramId(tx, user.telegramId);
  if (!found) {
    return insertAccount(tx, {
      telegramId: user.telegramId,
      username,
      firstName,
      language: user.language,
      now: clock.now(),
    });
  }
  if (found.username !== username || found.firstName !== firstName) {
    await updateAccountProfile(tx, found.id, { username, firstName, now: clock.now() });
    return { ...found, username, firstName };
  }
  return found;
}
