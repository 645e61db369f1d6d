import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id, read and written as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The outbox of domain events: appended in the transaction of the change they tell about, read by
 * consumers in (tx_id, id) order. tx_id is the appending transaction's id, so a consumer reading
 * only below the oldest running transaction (pg_snapshot_xmin) never skips a later commit.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    type: text('type').notNull(),
    workspaceId: uuid('workspace_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('domain_events_order_idx').on(t.txId, t.id),
    index('domain_events_occurred_idx').on(t.occurredAt),
  ],
);

/** Each consumer's position in the outbox (the last event it handled) and its current trouble. */
export const eventCursors = pgTable('event_cursors', {
  consumer: text('consumer').primaryKey(),
  txId: xid8('tx_id')
    .notNull()
    .default(sql`'0'::xid8`),
  eventId: bigint('event_id', { mode: 'number' }).notNull().default(0),
  /** The event whose handler failed last, and how many times in a row; null/0 once past it. */
  failingEventId: bigint('failing_event_id', { mode: 'number' }),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The events each consumer has handled: a second delivery of the same event (whatever brings it)
 * finds its receipt and changes nothing — consumers are idempotent by event id.
 */
export const eventReceipts = pgTable(
  'event_receipts',
  {
    consumer: text('consumer').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'event_receipts_pkey', columns: [t.consumer, t.eventId] })],
);
