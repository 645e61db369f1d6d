import {
  bigint,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

/**
 * One person who joined the chat an ad promotes through its placement's invite link; left_at once
 * they left (retention at 24 h and 7 days). Counted once per placement and person: a second join
 * through the same link changes nothing. The person is a salted hash, never their Telegram id.
 */
export const inviteJoins = pgTable(
  'invite_joins',
  {
    id: uuid('id').notNull().defaultRandom(),
    placementId: uuid('placement_id').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The promoted chat (where the person joined), not the channel the ad was posted in. */
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    member: text('member').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'invite_joins_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.placementId, placements),
    unique('invite_joins_placement_member_key').on(t.placementId, t.member, t.workspaceId),
    index('invite_joins_chat_member_idx').on(t.chatId, t.member),
    index('invite_joins_workspace_idx').on(t.workspaceId),
  ],
);
