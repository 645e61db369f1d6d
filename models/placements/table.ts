import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from '../channels/table.js';
import { orders } from '../orders/table.js';
import { slots } from '../slots/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

export const placementStatuses = [
  'scheduled',
  'publishing',
  'published',
  'completed',
  'failed',
  'needs_review',
  'cancelled',
] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** One publication of an order's slot: message ids, deadlines, probes, violations and counters. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    channelId: uuid('channel_id').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    advertiserAccountId: uuid('advertiser_account_id').notNull(),
    variantIndex: integer('variant_index').notNull().default(0),
    status: text('status', { enum: placementStatuses }).notNull().default('scheduled'),
    format: text('format').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sendStartedAt: timestamp('send_started_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    delaySeconds: integer('delay_seconds'),
    chatId: bigint('chat_id', { mode: 'number' }),
    messageIds: jsonb('message_ids').$type<number[]>().notNull().default([]),
    topUntil: timestamp('top_until', { withTimezone: true }),
    pinUntil: timestamp('pin_until', { withTimezone: true }),
    deleteAt: timestamp('delete_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /**
     * First publish attempt of the current streak the channel refused (lost rights, not active);
     * null once it posts. Decides whose a delay is (delayCause).
     */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    lastError: text('last_error'),
    clickCode: text('click_code'),
    /**
     * The placement's own invite link to the chat its ad promotes (a channel or group where the bot
     * is an admin that may invite), made before the post goes out; joins through it are attributed
     * (models/joins/). Null when the ad promotes no such chat.
     */
    inviteLink: text('invite_link'),
    inviteChatId: bigint('invite_chat_id', { mode: 'number' }),
    probeResults: jsonb('probe_results').$type<unknown[]>().notNull().default([]),
    violations: jsonb('violations').$type<unknown[]>().notNull().default([]),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
    joins: integer('joins').notNull().default(0),
    leaves: integer('leaves').notNull().default(0),
    reactions: integer('reactions').notNull().default(0),
    /**
     * The post's views as its channel's owner reported them (the Bot API gives no view counts),
     * null until they do (models/views/); CTR is shown only where this is known.
     */
    reportedViews: integer('reported_views'),
    viewsReportedAt: timestamp('views_reported_at', { withTimezone: true }),
    /** The owner's screenshot of the view counter (a Telegram file id), when they sent one. */
    viewsEvidence: text('views_evidence'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'placements_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders),
    sameWorkspaceKey(t.workspaceId, t.slotId, slots),
    sameWorkspaceKey(t.workspaceId, t.channelId, channels),
    unique('placements_click_code_key').on(t.clickCode, t.workspaceId),
    unique('placements_order_slot_key').on(t.orderId, t.slotId, t.workspaceId),
    index('placements_workspace_idx').on(t.workspaceId, t.status, t.dueAt),
    index('placements_channel_idx').on(t.channelId, t.status),
    index('placements_due_idx').on(t.status, t.dueAt),
    index('placements_invite_link_idx')
      .on(t.inviteChatId, t.inviteLink)
      .where(sql`${t.inviteLink} is not null`),
    check(
      'placements_status_check',
      sql`${t.status} in ('scheduled', 'publishing', 'published', 'completed', 'failed', 'needs_review', 'cancelled')`,
    ),
    check('placements_variant_check', sql`${t.variantIndex} between 0 and 3`),
    check(
      'placements_views_check',
      sql`${t.reportedViews} is null or ${t.reportedViews} between 1 and 1000000000`,
    ),
  ],
);
