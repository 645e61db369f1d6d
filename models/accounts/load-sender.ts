import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { readSession } from '../sessions/queries.js';
import { ensureAccount, type TelegramUserProfile } from './ensure-account.js';
import type { AccountRow } from './queries.js';

/** What every update from a user needs first: their account and stored session value. */
export interface Sender {
  account: AccountRow;
  /** The stored session value; undefined when there is none (or no session key was given). */
  session: unknown;
}

/** The row of the one-statement path, as pg parses a text result. */
interface SenderRow {
  id: string;
  telegram_id: string;
  username: string | null;
  first_name: string | null;
  language: string;
  blocked_at: Date | null;
  session: unknown;
}

/**
 * The sender's account (ensureAccount's semantics) and session value. A known user whose profile
 * did not change — nearly every update — costs one statement in one round trip; first contact or
 * a changed profile runs ensureAccount and the session read in one transaction.
 */
export async function loadSender(
  database: Database,
  user: TelegramUserProfile,
  sessionKey: string | undefined,
  clock: Clock,
): Promise<Sender> {
  const session =
    sessionKey === undefined
      ? sql`null`
      : sql`(select s.value from bot_sessions s where s.key = ${sessionKey})`;
  const [row] = (await database.scopedStatement(
    {},
    sql`select a.id, a.telegram_id, a.username, a.first_name, a.language, a.blocked_at,
      ${session} as session from accounts a where a.telegram_id = ${user.telegramId}`,
  )) as unknown as SenderRow[];
  const username = user.username ?? null;
  const firstName = user.firstName ?? null;
  if (row && row.username === username && row.first_name === firstName) {
    return {
      account: {
        id: row.id,
        telegramId: Number(row.telegram_id),
        username,
        firstName,
        language: row.language,
        blockedAt: row.blocked_at,
      },
      session: row.session ?? undefined,
    };
  }
  return database.withScope({}, async (tx) => ({
    session: sessionKey === undefined ? undefined : await readSession(tx, sessionKey),
    account: await ensureAccount(tx, user, clock),
  }));
}
