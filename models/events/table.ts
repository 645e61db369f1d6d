import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Time series (clicks, joins, leaves, reactions, probe results…). Declared here for typing only:
 * the migration creates it PARTITIONED BY RANGE (occurred_at), monthly, with a BRIN index.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    channelId: uuid('channel_id'),
    orderId: uuid('order_id'),
    placementId: uuid('placement_id'),
    accountId: uuid('account_id'),
    value: bigint('value', { mode: 'number' }).notNull().default(1),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** When the row was written (database time): what the rollups catch up by (late events too). */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'events_pkey', columns: [t.id, t.occurredAt, t.workspaceId] }),
    index('events_workspace_kind_idx').on(t.workspaceId, t.kind, t.occurredAt),
    index('events_placement_idx').on(t.placementId, t.kind, t.occurredAt),
  ],
);
