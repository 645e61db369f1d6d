import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { botSessions } from './table.js';

/** The stored value of a grammY session/conversation key, or undefined when none is stored. */
export async function readSession(tx: DbOrTx, key: string): Promise<unknown | undefined> {
  const rows = await tx
    .select({ value: botSessions.value })
    .from(botSessions)
    .where(eq(botSessions.key, key))
    .limit(1);
  return rows[0]?.value;
}

/** Stores (insert or replace) the value of a session key. */
export async function writeSession(tx: DbOrTx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(botSessions)
    .values({ key, value })
    .onConflictDoUpdate({ target: botSessions.key, set: { value, updatedAt: sql`now()` } });
}

/** Forgets a session key (no error when it does not exist). */
export async function deleteSession(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(botSessions).where(eq(botSessions.key, key));
}

/**
 * The same upsert as writeSession, as one statement for Database.scopedStatement (one round trip
 * on the hot path: a session changed by an update).
 */
export function writeSessionStatement(key: string, value: unknown): SQL {
  return sql`insert into bot_sessions (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}
