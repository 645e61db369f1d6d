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
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

export const channelAccessStatuses = ['requested', 'allowed', 'declined'] as const;
export type ChannelAccessStatus = (typeof channelAccessStatuses)[number];

/**
 * Whitelist of a whitelist-only channel: one row per (channel, advertiser), requested by the
 * advertiser and allowed or declined by the workspace. Readable by both sides; only the workspace
 * decides (RLS: the advertiser may insert 'requested' rows in its own name only).
 */
export const channelAccess = pgTable(
  'channel_access',
  {
    id: uuid('id').notNull().defaultRandom(),
    channelId: uuid('channel_id').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: channelAccessStatuses }).notNull().default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ name: 'channel_access_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.channelId, channels).onDelete('cascade'),
    unique('channel_access_channel_account_key').on(t.channelId, t.accountId, t.workspaceId),
    index('channel_access_workspace_idx').on(t.workspaceId, t.status),
    check('channel_access_status_check', sql`${t.status} in ('requested', 'allowed', 'declined')`),
  ],
);
