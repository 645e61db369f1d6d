import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';

/**
 * Makes sure the monthly events partitions exist for the month of `at` and `monthsAhead` after it
 * (UTC months); returns their names. Run it through withSystem (app_system may call it) or the login db.
 */
export async function ensureEventPartitions(
  tx: DbOrTx,
  at: Date,
  monthsAhead = 2,
): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i <= monthsAhead; i += 1) {
    const month = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + i, 1));
    const day = month.toISOString().slice(0, 10);
    const result = await tx.execute<{ name: string }>(
      sql`select events_ensure_partition(${day}::date) as name`,
    );
    const name = result.rows[0]?.name;
    if (name) names.push(name);
  }
  return names;
}
