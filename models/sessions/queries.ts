import { eq, sql } from 'drizzle-orm';
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
