import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db.js';
import { storedTestClockOffset } from './test-clock.js';

/**
 * Queues an Agenda job inside the caller's transaction (a transactional outbox: the job exists
 * exactly when the rows that need it do). `at` is platform time; Agenda stores real time, so the
 * stored test-clock offset is removed. The table is created by migration 0004 before Agenda runs.
 */
export async function enqueueJobInTx(
  tx: Tx,
  name: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const real = new Date(at.getTime() - (await storedTestClockOffset(tx)));
  await tx.execute(
    sql`insert into agenda_jobs (name, next_run_at, data, type, priority)
        values (${name}, ${real.toISOString()}::timestamptz, ${JSON.stringify(data)}::jsonb, 'normal', 0)`,
  );
}

/** A ScheduleJob (models/platform/schedule-job.ts) that queues each job in its own transaction. */
export function scheduleViaDatabase(database: Database) {
  return (name: string, data: Record<string, unknown>, at: Date): Promise<void> =>
    database.withSystem('queue a job', (tx) => enqueueJobInTx(tx, name, data, at));
}
