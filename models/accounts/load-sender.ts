import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { ensureAccount, type TelegramUserProfile } from './ensure-account.js';
import { insertAccountQuery, type AccountRow } from './queries.js';

/** What every update from a user needs first: their account and stored session value. */
export interface Sender {
  account: AccountRow;
  /** The stored session value; undefined when there is none (or no session key was given). */
  session: unknown;
}

/** An account row as pg parses a text result (bigint as a string). */
interface RawAccount {
  id: string;
  telegram_id: string;
  username: string | null;
  first_name: string | null;
  language: string;
  blocked_at: Date | null;
}

const toAccount = (row: RawAccount): AccountRow => ({
  id: row.id,
  telegramId: Number(row.telegram_id),
  username: row.username,
  firstName: row.first_name,
  language: row.language,
  blockedAt: row.blocked_at,
});

/**
 * The sender's account (ensureAccount's semantics) and session value. A known user whose profile
 * did not change — nearly every update — costs one statement in one round trip; first contact one
 * more (the insert, also one statement); a changed profile a transaction with ensureAccount.
 */
export async function loadSender(
  database: Database,
  user: TelegramUserProfile,
  sessionKey: string | undefined,
  clock: Clock,
): Promise<Sender> {
  // One row whether or not the account exists (the session comes either way): the migration
  // 0020 function runs as app_rw with an empty scope, as scopedStatement({}) would, in one message.
  const [row] = (await database.functionStatement(
    sql`select * from load_sender(${user.telegramId}, ${sessionKey ?? null})`,
  )) as unknown as (Partial<RawAccount> & { session: unknown })[];
  const value = row?.session ?? undefined;
  const username = user.username ?? null;
  const firstName = user.firstName ?? null;
  if (row?.id === undefined || row.id === null) {
    const [created] = (await database.scopedStatement(
      {},
      insertAccountQuery(database.db, {
        telegramId: user.telegramId,
        username,
        firstName,
        language: user.language,
        now: clock.now(),
      }).getSQL(),
    )) as unknown as RawAccount[];
    if (!created) throw new Error('insert into accounts returned no row');
    return { account: toAccount(created), session: value };
  }
  const account = toAccount(row as RawAccount);
  if (account.username === username && account.firstName === firstName) {
    return { account, session: value };
  }
  return {
    account: await database.withScope({}, (tx) => ensureAccount(tx, user, clock)),
    session: value,
  };
}
