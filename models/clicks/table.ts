import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';

/** One tracked link of a published post: `/r/<code>` redirects to target_url (erid= kept). */
export const clickLinks = pgTable(
  'click_links',
  {
    code: text('code').primaryKey(),
    placementId: uuid('placement_id')
      .notNull()
      .references(() => placements.id),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    linkIndex: integer('link_index').notNull(),
    targetUrl: text('target_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('click_links_placement_link_key').on(t.placementId, t.linkIndex),
    index('click_links_workspace_idx').on(t.workspaceId),
  ],
);
