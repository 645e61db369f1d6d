import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail of state changes and admin actions. INSERT/SELECT only for app roles and
 * a trigger refuses UPDATE/DELETE for everyone. workspace_id (nullable) scopes who may read a row.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    workspaceId: uuid('workspace_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_object_idx').on(t.objectType, t.objectId, t.at),
    index('audit_log_workspace_idx').on(t.workspaceId, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);
