import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { accounts } from './table.js';

/** The columns the bot edge reads on every update. */
export interface AccountRow {
  id: string;
  telegramId: number;
  username: string | null;
  firstName: string | null;
  language: string;
  blockedAt: Date | null;
}

const accountColumns = {
  id: accounts.id,
  telegramId: accounts.telegramId,
  username: accounts.username,
  firstName: accounts.firstName,
  language: accounts.language,
  blockedAt: accounts.blockedAt,
};

/** The account of a Telegram user (unique telegram_id index), or undefined. */
export async function findAccountByTelegramId(
  tx: DbOrTx,
  telegramId: number,
): Promise<AccountRow | undefined> {
  const rows = await tx
    .select(accountColumns)
    .from(accounts)
    .where(eq(accounts.telegramId, telegramId))
    .limit(1);
  return rows[0];
}

export interface NewAccount {
  telegramId: number;
  username: string | null;
  firstName: string | null;
  language: string;
  now: Date;
}

/**
 * The statement of insertAccount, built on `db` (run by insertAccount, or as one statement by
 * loadSender): returns the new row, or the existing one on a concurrent insert.
 */
export function insertAccountQuery(db: DbOrTx, values: NewAccount) {
  return (
    db
      .insert(accounts)
      .values({
        telegramId: values.telegramId,
        username: values.username,
        firstName: values.firstName,
        language: values.language,
        // The default time zone follows the language, as channels' do (ru → Moscow, else UTC).
        timezone: values.language === 'ru' ? 'Europe/Moscow' : 'UTC',
        createdAt: values.now,
        updatedAt: values.now,
      })
      // A no-op update (not DO NOTHING) so that RETURNING also yields the row that won the race.
      .onConflictDoUpdate({ target: accounts.telegramId, set: { telegramId: values.telegramId } })
      .returning(accountColumns)
  );
}

/** Inserts an account; on a concurrent insert of the same telegram_id returns the existing row. */
export async function insertAccount(tx: DbOrTx, values: NewAccount): Promise<AccountRow> {
  const rows = await insertAccountQuery(tx, values);
  const row = rows[0];
  if (!row) throw new Error('insert into accounts returned no row');
  return row;
}

/** Updates the Telegram profile fields (username, first name) of an account. */
export async function updateAccountProfile(
  tx: DbOrTx,
  id: string,
  profile: { username: string | null; firstName: string | null; now: Date },
): Promise<void> {
  await tx
    .update(accounts)
    .set({ username: profile.username, firstName: profile.firstName, updatedAt: profile.now })
    .where(eq(accounts.id, id));
}

/** Sets the language of the account with this telegram_id; returns false when there is none. */
export async function updateAccountLanguage(
  tx: DbOrTx,
  telegramId: number,
  language: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(accounts)
    .set({ language, updatedAt: now })
    .where(eq(accounts.telegramId, telegramId))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** The admin's reason when the account is blocked ('' if none was kept), else undefined. */
export async function accountBlockReason(
  tx: DbOrTx,
  accountId: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ blockedAt: accounts.blockedAt, reason: accounts.blockedReason })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row?.blockedAt ? (row.reason ?? '') : undefined;
}

/** Whether the account is blocked (accounts have no tenant: any handle may read them). */
export async function isAccountBlocked(tx: DbOrTx, accountId: string): Promise<boolean> {
  return (await accountBlockReason(tx, accountId)) !== undefined;
}
