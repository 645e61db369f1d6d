import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db.js';

// Agenda's own table (created by @agendajs/postgres-backend); times in it are REAL time.
const table = sql.raw('agenda_jobs');

async function queueExists(db: Db | Tx): Promise<boolean> {
  const { rows } = await db.execute<{ exists: boolean }>(
    sql`select to_regclass('agenda_jobs') is not null as exists`,
  );
  return rows[0]?.exists === true;
}

/** Earliest real due time of a one-off job in (afterReal, untilReal]; repeating jobs don't set the pace. */
export async function nextOneOffDue(
  db: Db | Tx,
  afterReal: Date,
  untilReal: Date,
): Promise<Date | undefined> {
  if (!(await queueExists(db))) return undefined;
  const { rows } = await db.execute<{ due: Date | string | null }>(sql`
    select min(next_run_at) as due from ${table}
    where disabled = false and locked_at is null
      and repeat_interval is null and repeat_at is null
      and next_run_at > ${afterReal.toISOString()}::timestamptz
      and next_run_at <= ${untilReal.toISOString()}::timestamptz`);
  const due = rows[0]?.due;
  return due ? new Date(due) : undefined;
}

/** Moves every waiting job earlier by ms of real time, so its due time in platform time stays put. */
export async function shiftWaitingJobs(db: Db | Tx, ms: number): Promise<number> {
  if (!(await queueExists(db))) return 0;
  const result = await db.execute(sql`
    update ${table} set next_run_at = next_run_at - make_interval(secs => ${ms / 1000})
    where next_run_at is not null and locked_at is null`);
  return result.rowCount ?? 0;
}

/** Jobs that are due and not yet taken, plus jobs taken and still running. */
export async function busyJobCount(db: Db | Tx, realNow: Date): Promise<number> {
  if (!(await queueExists(db))) return 0;
  const { rows } = await db.execute<{ n: number | string }>(sql`
    select count(*) as n from ${table}
    where disabled = false
      and (locked_at is not null or next_run_at <= ${realNow.toISOString()}::timestamptz)`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Unlocks the jobs a worker took from the queue but never started: Agenda's drain waits for the
 * running ones and leaves these locked until their lock lifetime ends, so a restarted process
 * would wait minutes for them. Not running is Agenda's own rule: never run, or its last run
 * finished (a run saves last_run_at before its handler starts). Returns how many were released.
 */
export async function releaseUnstartedJobs(db: Db | Tx, worker: string): Promise<number> {
  if (!(await queueExists(db))) return 0;
  const result = await db.execute(sql`
    update ${table} set locked_at = null
    where last_modified_by = ${worker} and locked_at is not null
      and (last_run_at is null
        or (last_finished_at is not null and last_run_at <= last_finished_at))`);
  return result.rowCount ?? 0;
}
