import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from '../channels/table.js';
import { orders } from '../orders/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

export const slotStatuses = [
  'free',
  'held',
  'booked',
  'published',
  'done',
  'cancelled',
  'blocked',
] as const;
export type SlotStatus = (typeof slotStatuses)[number];

/** A sellable moment of a channel (UTC); at most one per (channel, starts_at). */
export const slots = pgTable(
  'slots',
  {
    id: uuid('id').notNull().defaultRandom(),
    channelId: uuid('channel_id').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: slotStatuses }).notNull().default('free'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    orderId: uuid('order_id'),
    /** Format of the ad taken on this slot (set when held/booked); its top window blocks later slots. */
    format: text('format'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'slots_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.channelId, channels),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders),
    unique('slots_channel_starts_at_key').on(t.channelId, t.startsAt, t.workspaceId),
    index('slots_workspace_channel_idx').on(t.workspaceId, t.channelId, t.startsAt),
    index('slots_hold_expiry_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'held'`),
    index('slots_order_idx').on(t.orderId),
    check(
      'slots_status_check',
      sql`${t.status} in ('free', 'held', 'booked', 'published', 'done', 'cancelled', 'blocked')`,
    ),
    check('slots_hold_check', sql`${t.status} <> 'held' or ${t.holdExpiresAt} is not null`),
    check(
      'slots_format_check',
      sql`${t.format} is null or ${t.format} ~ '^(1/24|2/48|3/72|1/0|pin:[0-9]{1,3})$'`,
    ),
  ],
);
