import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db.js';
import type { Logger } from '../logger.js';
import type { DomainEvent, StoredEvent } from './events.js';

/** What a consumer does with one event, inside the transaction that moves its cursor past it. */
export type EventHandler = (tx: Tx, event: StoredEvent) => Promise<void>;

export interface Consumer {
  /** Stable name: the cursor's key. */
  name: string;
  handle: EventHandler;
}

/** Attempts at one event before it is skipped (logged at error, counted) so the rest flows. */
export const maxEventFailures = 5;

export interface ConsumeResult {
  handled: number;
  skipped: number;
  /** The handler threw: nothing of this batch moved (it is tried again on the next run). */
  failed: boolean;
}

/** Records that `consumer` handles `eventId`; false when it already did (idempotent by event id). */
async function firstReceipt(tx: Tx, consumer: string, eventId: number): Promise<boolean> {
  const { rows } = await tx.execute(
    sql`insert into event_receipts (consumer, event_id) values (${consumer}, ${eventId})
        on conflict do nothing returning event_id`,
  );
  return rows.length === 1;
}

/** A consumer's handler threw (as opposed to the database failing around it). */
class HandlerFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('event handler failed');
  }
}

interface Row extends Record<string, unknown> {
  id: string | number;
  tx_id: string;
  type: string;
  workspace_id: string | null;
  occurred_at: string | Date;
  payload: Record<string, unknown>;
}

/**
 * Hands a consumer the events after its cursor, at most `batch`, in one transaction per batch:
 * the cursor row is locked (one runner per consumer at a time), each event handled, the cursor
 * moved — so whatever a handler writes (a queued notification, a card) exists exactly once per
 * event; each handled event also leaves a receipt (event_receipts), so a consumer is idempotent by
 * event id even if an event were delivered again. Only events of transactions older than every running one are read (tx_id below the
 * snapshot's xmin), so a transaction committing late never lands behind the cursor. A handler
 * that throws rolls the batch back and is remembered (failing_event_id); events then go one by
 * one until past it, and after maxEventFailures failed attempts it is skipped (logged at error),
 * so one bad event never stops the rest.
 */
export async function consumeEvents(
  database: Database,
  consumer: Consumer,
  options: { batch?: number; logger: Logger },
): Promise<ConsumeResult> {
  const batch = options.batch ?? 50;
  const name = consumer.name;
  let current: { id: number; type: string } | undefined;
  try {
    return await database.withSystem(`events: ${name}`, async (tx) => {
      await tx.execute(
        sql`insert into event_cursors (consumer) values (${name}) on conflict (consumer) do nothing`,
      );
      const cursor = (
        await tx.execute<{
          tx_id: string;
          event_id: string | number;
          failing_event_id: string | number | null;
          failures: number;
        }>(
          sql`select tx_id::text as tx_id, event_id, failing_event_id, failures from event_cursors
              where consumer = ${name} for update`,
        )
      ).rows[0]!;
      const failing =
        cursor.failing_event_id === null ? undefined : Number(cursor.failing_event_id);
      const { rows } = await tx.execute<Row>(
        sql`select id, tx_id::text as tx_id, type, workspace_id, occurred_at, payload
            from domain_events
            where (tx_id, id) > (${cursor.tx_id}::xid8, ${Number(cursor.event_id)}::bigint)
              and tx_id < pg_snapshot_xmin(pg_current_snapshot())
            order by tx_id, id
            limit ${failing === undefined ? batch : 1}`,
      );
      let skipped = 0;
      let passedFailing = false;
      for (const row of rows) {
        const event = storedEvent(row);
        current = { id: event.id, type: event.type };
        if (event.id === failing) passedFailing = true;
        if (event.id === failing && cursor.failures >= maxEventFailures) {
          options.logger.error(
            { consumer: name, eventId: event.id, type: event.type },
            'event skipped after repeated failures',
          );
          skipped += 1;
        } else if (await firstReceipt(tx, name, event.id)) {
          try {
            await consumer.handle(tx, event);
          } catch (error) {
            throw new HandlerFailure(error);
          }
        } else {
          options.logger.warn(
            { consumer: name, eventId: event.id, type: event.type },
            'event delivered again; its receipt says it was handled',
          );
        }
      }
      const last = rows.at(-1);
      if (last) {
        await tx.execute(
          passedFailing
            ? sql`update event_cursors set tx_id = ${last.tx_id}::xid8, event_id = ${Number(last.id)},
                    failing_event_id = null, failures = 0, last_error = null, updated_at = now()
                  where consumer = ${name}`
            : sql`update event_cursors set tx_id = ${last.tx_id}::xid8, event_id = ${Number(last.id)},
                    updated_at = now()
                  where consumer = ${name}`,
        );
      }
      return { handled: rows.length - skipped, skipped, failed: false };
    });
  } catch (thrown) {
    // The database itself failing is the caller's to report (and throttle); a handler is ours.
    if (!(thrown instanceof HandlerFailure)) throw thrown;
    const error = thrown.cause;
    options.logger.warn(
      { err: error, consumer: name, eventId: current?.id, type: current?.type },
      'event handler failed; the batch is retried',
    );
    await database.withSystem(`events: ${name} failed`, (tx) =>
      tx.execute(
        sql`update event_cursors set
              failures = case when failing_event_id = ${current?.id ?? null}::bigint
                then failures + 1 else 1 end,
              failing_event_id = ${current?.id ?? null}::bigint,
              last_error = ${String((error as Error)?.message ?? error).slice(0, 300)},
              updated_at = now()
            where consumer = ${name}`,
      ),
    );
    return { handled: 0, skipped: 0, failed: true };
  }
}

function storedEvent(row: Row): StoredEvent {
  return {
    ...row.payload,
    type: row.type,
    workspaceId: row.workspace_id,
    id: Number(row.id),
    txId: row.tx_id,
    occurredAt: new Date(row.occurred_at),
  } as unknown as DomainEvent & { id: number; txId: string; occurredAt: Date };
}

/**
 * Events a consumer has not passed yet — `consumer`'s, or any consumer's (0 while none has ever
 * run): the outbox's lag, whatever holds it (the horizon included).
 */
export async function unconsumedEventCount(database: Database, consumer?: string): Promise<number> {
  const { rows } = await database.withSystem('events: lag', (tx) =>
    tx.execute<{ n: number | string }>(
      consumer === undefined
        ? sql`select count(*) as n from domain_events e
              where exists (select 1 from event_cursors c where (e.tx_id, e.id) > (c.tx_id, c.event_id))`
        : sql`select count(*) as n from domain_events e
              where not exists (select 1 from event_cursors c where c.consumer = ${consumer}
                and (e.tx_id, e.id) <= (c.tx_id, c.event_id))`,
    ),
  );
  return Number(rows[0]?.n ?? 0);
}
