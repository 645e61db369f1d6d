import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

/**
 * What a placement's events add up to per hour (UTC) and per day (the channel's local day),
 * recomputed from the raw events of each bucket the rollup job sees touched (models/analytics/).
 * Dashboards and reports read these, never the raw events.
 */
export const placementRollups = pgTable(
  'placement_rollups',
  {
    placementId: uuid('placement_id').notNull(),
    grain: text('grain').$type<'hour' | 'day'>().notNull(),
    /** The bucket's first instant: the UTC hour, or the channel's local midnight. */
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    /** The channel's local date (day buckets only). */
    day: date('day'),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channelId: uuid('channel_id').notNull(),
    advertiserAccountId: uuid('advertiser_account_id')
      .notNull()
      .references(() => accounts.id),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
    joins: integer('joins').notNull().default(0),
    leaves: integer('leaves').notNull().default(0),
    /** The post's reaction total at the bucket's end, when it changed in the bucket. */
    reactions: integer('reactions'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    sameWorkspaceKey(t.workspaceId, t.placementId, placements),
    sameWorkspaceKey(t.workspaceId, t.channelId, channels),
    primaryKey({
      name: 'placement_rollups_pkey',
      columns: [t.placementId, t.grain, t.bucketStart, t.workspaceId],
    }),
    index('placement_rollups_workspace_idx').on(t.workspaceId, t.grain, t.bucketStart),
    index('placement_rollups_channel_idx').on(t.channelId, t.grain, t.bucketStart),
    index('placement_rollups_advertiser_idx').on(t.advertiserAccountId, t.grain, t.bucketStart),
    check('placement_rollups_grain_check', sql`${t.grain} in ('hour', 'day')`),
  ],
);
