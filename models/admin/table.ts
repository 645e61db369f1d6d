import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

export const adminCardKinds = [
  'channel',
  'creative',
  'payout',
  'dispute',
  'placement',
  'stars_charge',
  'parked_update',
] as const;
export type AdminCardKind = (typeof adminCardKinds)[number];
export const adminCardStatuses = ['open', 'decided'] as const;
export type AdminCardStatus = (typeof adminCardStatuses)[number];

/**
 * One moderation card in the admin chat per (kind, object): where it was posted and, once an admin
 * acted, what was decided, by whom and when (the card is edited in place to show it). Platform
 * table: only the app_system role reads or writes it, through the admin use-cases.
 */
export const adminCards = pgTable(
  'admin_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: adminCardKinds }).notNull(),
    objectId: uuid('object_id').notNull(),
    status: text('status', { enum: adminCardStatuses }).notNull().default('open'),
    chatId: bigint('chat_id', { mode: 'number' }),
    messageId: bigint('message_id', { mode: 'number' }),
    decision: text('decision'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    decidedByTelegramId: bigint('decided_by_telegram_id', { mode: 'number' }),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('admin_cards_kind_object_key').on(t.kind, t.objectId),
    index('admin_cards_open_idx').on(t.status, t.createdAt),
    check(
      'admin_cards_kind_check',
      sql`${t.kind} in ('channel', 'creative', 'payout', 'dispute', 'placement', 'stars_charge', 'parked_update')`,
    ),
    check('admin_cards_status_check', sql`${t.status} in ('open', 'decided')`),
  ],
);
