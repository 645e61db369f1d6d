import { sql } from 'drizzle-orm';
import type { Database } from '../db.js';

/** Raw events are kept this many months; the rollups stay. */
export const rawEventMonths = 13;

/** The first instant still kept at `now`: the start of the UTC month 13 months back. */
export function rawEventCutoff(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - rawEventMonths, 1));
}

/**
 * Drops the monthly partitions of raw events that ended before the cutoff (whole months only;
 * the SECURITY DEFINER function events_drop_before does it). Returns the partitions dropped.
 */
export async function dropExpiredEvents(database: Database, now: Date): Promise<string[]> {
  const cutoff = rawEventCutoff(now);
  const { rows } = await database.withSystem('events retention', (tx) =>
    tx.execute<{ dropped: string[] | null }>(
      sql`select events_drop_before(${cutoff.toISOString()}::timestamptz) as dropped`,
    ),
  );
  return rows[0]?.dropped ?? [];
}
