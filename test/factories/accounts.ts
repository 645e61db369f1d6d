import type { Database } from '../../models/db.js';
import { accounts } from '../../models/schema.js';
import { nextSeq } from './sequence.js';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountOverrides = Partial<Omit<typeof accounts.$inferInsert, 'id'>>;

/** A Telegram user's account (a fresh Telegram id unless given; language ru by default). */
export async function makeAccount(
  database: Database,
  overrides: AccountOverrides = {},
): Promise<AccountRow> {
  const [row] = await database.withSystem('test factory: account', (tx) =>
    tx
      .insert(accounts)
      .values({ telegramId: nextSeq(), ...overrides })
      .returning(),
  );
  if (!row) throw new Error('account not inserted');
  return row;
}
