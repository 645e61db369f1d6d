import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Provider events, each processed exactly once: (provider, event_id) is unique. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    payload: jsonb('payload').notNull().default({}),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [unique('webhook_events_provider_event_key').on(t.provider, t.eventId)],
);
