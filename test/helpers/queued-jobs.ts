import { sql } from 'drizzle-orm';
import type { Database } from '../../models/db.js';
import { deliverEvents } from './outbox.js';

/**
 * Agenda jobs queued with a name (in-transaction enqueues land in agenda_jobs); notifications once
 * the pending domain events have been delivered, as the jobs process would.
 */
export async function queuedJobs(
  database: Database,
  name: string,
): Promise<{ data: Record<string, unknown>; next_run_at: Date }[]> {
  if (name === 'notifications.send') await deliverEvents(database);
  const result = await database.db.execute(
    sql`select data, next_run_at from agenda_jobs where name = ${name} order by next_run_at`,
  );
  return result.rows as { data: Record<string, unknown>; next_run_at: Date }[];
}
