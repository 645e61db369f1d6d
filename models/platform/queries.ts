import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { platformSettings } from './table.js';

/** A platform setting's JSON value, or undefined when unset. */
export async function readSetting(tx: DbOrTx, key: string): Promise<unknown | undefined> {
  const rows = await tx
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, key))
    .limit(1);
  return rows[0]?.value;
}

/** Sets (insert or replace) a platform setting to a JSON value. */
export async function writeSetting(tx: DbOrTx, key: string, value: unknown): Promise<void> {
  await tx
    .insert(platformSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: sql`now()` } });
}
