import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { Database } from '../db.js';

export interface Recipient {
  telegramId: number;
  language: string;
  timezone: string;
}

/** The chat, language and timezone a notification goes out in (accounts has no tenant). */
export async function notificationRecipient(
  database: Database,
  who: { accountId?: string | undefined; telegramId?: number | undefined },
): Promise<Recipient | undefined> {
  return database.withScope({}, async (tx) => {
    const where =
      who.accountId !== undefined
        ? eq(accounts.id, who.accountId)
        : who.telegramId !== undefined
          ? eq(accounts.telegramId, who.telegramId)
          : undefined;
    if (!where) return undefined;
    const [row] = await tx
      .select({
        telegramId: accounts.telegramId,
        language: accounts.language,
        timezone: accounts.timezone,
      })
      .from(accounts)
      .where(where)
      .limit(1);
    if (row) return row;
    // A chat the platform has no account for (e.g. an admin group): default language and zone.
    return who.telegramId !== undefined
      ? { telegramId: who.telegramId, language: 'en', timezone: 'UTC' }
      : undefined;
  });
}
