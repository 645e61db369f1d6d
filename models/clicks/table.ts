import {
  primaryKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

/** One tracked link of a published post: `/r/<code>` redirects to target_url (erid= kept). */
export const clickLinks = pgTable(
  'click_links',
  {
    code: text('code').notNull(),
    placementId: uuid('placement_id').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    linkIndex: integer('link_index').notNull(),
    targetUrl: text('target_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'click_links_pkey', columns: [t.code, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.placementId, placements),
    unique('click_links_placement_link_key').on(t.placementId, t.linkIndex, t.workspaceId),
    index('click_links_workspace_idx').on(t.workspaceId),
  ],
);
