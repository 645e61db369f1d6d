import { and, asc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db.js';
import { orderKeyOf, updateKind, type IntakeUpdate } from './order-key.js';
import { updateIntake } from './table.js';

/** An update the intake holds, with what its earlier attempts left. */
export interface StoredUpdate {
  update: IntakeUpdate;
  /** Handling attempts that failed so far (counted only while the store was reachable). */
  attempts: number;
  /** Updates of one key are handled one after another, in update_id order. */
  orderKey: string;
}

/**
 * Where updates wait between Telegram's acknowledgement and the end of their handling
 * (docs/bot.md). A table in the application's database here; a Redis Stream when sharded
 * (append ≈ XADD after a dedup SET NX, claim ≈ XAUTOCLAIM, complete ≈ XACK). Every method throws
 * when the store is unreachable; the callers then neither acknowledge nor forget anything.
 */
export interface IntakeStore {
  /**
   * Stores updates durably; returns those this process should run: new ones, and redelivered ones
   * still pending that no other process holds (an earlier append of this process whose answer was
   * lost). A redelivery of a finished or parked update, or of one another process runs, returns none.
   */
  append(updates: IntakeUpdate[]): Promise<StoredUpdate[]>;
  /**
   * Unfinished updates for this process, in update_id order: with takeover every one another
   * process holds (the only consumer restarting), else those whose lease ran out.
   */
  claim(options: { takeover: boolean; limit: number }): Promise<StoredUpdate[]>;
  /** Extends this process's lease on the updates it is still handling. */
  renew(updateIds: number[]): Promise<void>;
  /** Handling finished: the update leaves the store (kept as done for dedup only). */
  complete(updateId: number): Promise<void>;
  /** A failed attempt; park ⇒ no more automatic attempts (an admin decides). */
  fail(
    updateId: number,
    failure: { attempts: number; error: string; park: boolean },
  ): Promise<void>;
  /** Forgets finished updates older than the age Telegram may still redeliver them at. */
  purge(olderThanMs: number): Promise<number>;
  /** How many updates wait for an admin. */
  parkedCount(): Promise<number>;
}

export interface PgIntakeStoreOptions {
  /** This process, written as the lease owner. */
  owner: string;
  /** How long a claim lasts without renewal. */
  leaseMs: number;
}

const reason = 'intake: Telegram updates';

const toStored = (row: { payload: string; attempts: number; orderKey: string }): StoredUpdate => ({
  update: JSON.parse(row.payload) as IntakeUpdate,
  attempts: row.attempts,
  orderKey: row.orderKey,
});

/** A RETURNING row of the one-statement append, as pg parses a text result (bigint as a string). */
interface AppendedRow {
  update_id: string;
  attempts: number;
  order_key: string;
}

/**
 * Group commit: ids given while a batch's statement is in flight wait for it and then go together
 * as the next one. An idle store sends at once (after the current tick: ids given in the same tick
 * share the batch); under load each statement finishes many updates. Every caller's promise
 * settles with its batch's statement.
 */
export function createGroupCommit(run: (ids: number[]) => Promise<unknown>) {
  let waiting: number[] = [];
  let next: Promise<void> | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  return (id: number): Promise<void> => {
    waiting.push(id);
    if (!next) {
      next = previous.then(async () => {
        const ids = waiting;
        waiting = [];
        next = undefined;
        await run(ids);
      });
      previous = next.catch(() => undefined);
    }
    return next;
  };
}

/** The intake as the `update_intake` table (platform-only, app_system), leases on the DB clock. */
export function createPgIntakeStore(
  database: Database,
  options: PgIntakeStoreOptions,
): IntakeStore {
  const leaseUntil = sql`now() + make_interval(secs => ${options.leaseMs / 1000})`;
  // The two statements of every update (append, complete) go in one round trip each
  // (Database.systemStatement): drizzle builds them on the login-role handle, which never runs them.
  // Completions are grouped (createGroupCommit): under load one statement finishes many updates.
  const statement = (query: { getSQL(): SQL }) => database.systemStatement(reason, query.getSQL());
  const returned = {
    payload: updateIntake.payload,
    attempts: updateIntake.attempts,
    orderKey: updateIntake.orderKey,
  };
  return {
    async append(updates) {
      if (updates.length === 0) return [];
      const rows = (await statement(
        database.db
          .insert(updateIntake)
          .values(
            updates.map((update) => ({
              updateId: update.update_id,
              orderKey: orderKeyOf(update),
              kind: updateKind(update),
              payload: JSON.stringify(update),
              leaseOwner: options.owner,
              leaseUntil,
            })),
          )
          // A redelivery of an update already stored is returned again when it is still pending
          // and no other process's lease is live: the first append may have committed while its
          // answer was lost (a connection cut mid-reply), and nothing else would run the update
          // before its lease ran out. The dispatcher skips an update it is already running.
          .onConflictDoUpdate({
            target: updateIntake.updateId,
            set: { leaseOwner: options.owner, leaseUntil },
            setWhere: and(
              eq(updateIntake.status, 'pending'),
              or(
                eq(updateIntake.leaseOwner, options.owner),
                isNull(updateIntake.leaseUntil),
                lt(updateIntake.leaseUntil, sql`now()`),
              ),
            ),
          })
          // Not the payload: a redelivered update is the one stored (Telegram's update ids are
          // unique), so the update in hand is used instead of parsing the stored text again.
          .returning({
            updateId: updateIntake.updateId,
            attempts: updateIntake.attempts,
            orderKey: updateIntake.orderKey,
          }),
      )) as unknown as AppendedRow[];
      const byId = new Map(updates.map((update) => [update.update_id, update]));
      return rows
        .map((row) => ({
          update: byId.get(Number(row.update_id)) as IntakeUpdate,
          attempts: row.attempts,
          orderKey: row.order_key,
        }))
        .sort((a, b) => a.update.update_id - b.update.update_id);
    },

    async claim({ takeover, limit }) {
      return database.withSystem(reason, async (tx) => {
        const open = and(
          eq(updateIntake.status, 'pending'),
          takeover
            ? or(isNull(updateIntake.leaseOwner), ne(updateIntake.leaseOwner, options.owner))
            : or(isNull(updateIntake.leaseUntil), lt(updateIntake.leaseUntil, sql`now()`)),
        );
        const ids = tx
          .select({ updateId: updateIntake.updateId })
          .from(updateIntake)
          .where(open)
          .orderBy(asc(updateIntake.updateId))
          .limit(limit)
          .for('update', { skipLocked: true });
        const rows = await tx
          .update(updateIntake)
          .set({ leaseOwner: options.owner, leaseUntil })
          .where(inArray(updateIntake.updateId, ids))
          .returning({ ...returned, updateId: updateIntake.updateId });
        return rows.sort((a, b) => a.updateId - b.updateId).map(toStored);
      });
    },

    async renew(updateIds) {
      if (updateIds.length === 0) return;
      await database.withSystem(reason, (tx) =>
        tx
          .update(updateIntake)
          .set({ leaseOwner: options.owner, leaseUntil })
          .where(
            and(inArray(updateIntake.updateId, updateIds), eq(updateIntake.status, 'pending')),
          ),
      );
    },

    complete: createGroupCommit((updateIds) =>
      statement(
        database.db
          .update(updateIntake)
          .set({ status: 'done', finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
          .where(inArray(updateIntake.updateId, updateIds)),
      ),
    ),

    async fail(updateId, failure) {
      await database.withSystem(reason, (tx) =>
        tx
          .update(updateIntake)
          .set({
            attempts: failure.attempts,
            lastError: failure.error.slice(0, 2000),
            ...(failure.park
              ? { status: 'parked' as const, finishedAt: sql`now()`, leaseUntil: null }
              : {}),
          })
          .where(eq(updateIntake.updateId, updateId)),
      );
    },

    async purge(olderThanMs) {
      const rows = await database.withSystem(reason, (tx) =>
        tx
          .delete(updateIntake)
          .where(
            and(
              eq(updateIntake.status, 'done'),
              lt(
                updateIntake.finishedAt,
                sql`now() - make_interval(secs => ${olderThanMs / 1000})`,
              ),
            ),
          )
          .returning({ updateId: updateIntake.updateId }),
      );
      return rows.length;
    },

    async parkedCount() {
      const [row] = await database.withSystem(reason, (tx) =>
        tx
          .select({ count: sql<number>`count(*)::int` })
          .from(updateIntake)
          .where(eq(updateIntake.status, 'parked')),
      );
      return row?.count ?? 0;
    },
  };
}

/**
 * A sharded worker's parked update: written to update_intake as parked (the admins' card, retry
 * and dismiss work on that table), so it can leave its stream. A retried one is then handled by a
 * worker's sweep of the table like any pending row.
 */
export async function recordParkedUpdate(
  database: Database,
  input: { update: IntakeUpdate; orderKey: string; attempts: number; error: string },
): Promise<void> {
  const parked = {
    status: 'parked' as const,
    attempts: input.attempts,
    lastError: input.error.slice(0, 2000),
    finishedAt: sql`now()`,
    leaseOwner: null,
    leaseUntil: null,
  };
  await database.withSystem(reason, (tx) =>
    tx
      .insert(updateIntake)
      .values({
        updateId: input.update.update_id,
        orderKey: input.orderKey,
        kind: updateKind(input.update),
        payload: JSON.stringify(input.update),
        ...parked,
      })
      .onConflictDoUpdate({ target: updateIntake.updateId, set: parked }),
  );
}
