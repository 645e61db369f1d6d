import { sql } from 'drizzle-orm';
import {
  bigint,
  unique,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

export const channelStatuses = ['active', 'paused', 'blocked', 'pending_review'] as const;
export type ChannelStatus = (typeof channelStatuses)[number];

/** A Telegram channel sold by a workspace; settings hold schedule, formats/prices and policies. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    telegramChatId: bigint('telegram_chat_id', { mode: 'number' }).notNull(),
    username: text('username'),
    title: text('title').notNull(),
    subscribers: integer('subscribers').notNull().default(0),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: channelStatuses }).notNull().default('pending_review'),
    statusReason: text('status_reason'),
    botRights: jsonb('bot_rights').$type<Record<string, unknown>>().notNull().default({}),
    rightsCheckedAt: timestamp('rights_checked_at', { withTimezone: true }),
    category: text('category'),
    language: text('language'),
    shareCode: text('share_code').notNull(),
    publishedCount: integer('published_count').notNull().default(0),
    onTimeCount: integer('on_time_count').notNull().default(0),
    lateCount: integer('late_count').notNull().default(0),
    earlyDeletionCount: integer('early_deletion_count').notNull().default(0),
    violationCount: integer('violation_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'channels_pkey', columns: [t.id, t.workspaceId] }),
    unique('channels_share_code_key').on(t.shareCode, t.workspaceId),
    index('channels_telegram_chat_idx').on(t.telegramChatId),
    index('channels_workspace_idx').on(t.workspaceId, t.status),
    index('channels_catalog_idx').on(t.status, t.category, t.language, t.subscribers),
    check(
      'channels_status_check',
      sql`${t.status} in ('active', 'paused', 'blocked', 'pending_review')`,
    ),
    check('channels_subscribers_check', sql`${t.subscribers} >= 0`),
  ],
);

/**
 * Which workspace sells a Telegram chat: one row per chat across all workspaces, inserted with the
 * channel (registerChannel) and deleted with it (removeChannel). The claim a unique constraint on
 * channels made before; kept apart so channels can be sharded by workspace (a reference table on
 * Citus, models/distribution.ts). No foreign keys: a reference table may not point at a sharded one.
 */
export const channelChats = pgTable('channel_chats', {
  telegramChatId: bigint('telegram_chat_id', { mode: 'number' }).primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  channelId: uuid('channel_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
