import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';

/**
 * Partner API keys: only a hash is stored (the key is shown once), a prefix for display, and exactly
 * one scope — a workspace (owner keys) or an account (advertiser keys).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id'),
    accountId: uuid('account_id').references(() => accounts.id),
    createdByAccountId: uuid('created_by_account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A key is found by its public prefix, then its hash compared in constant time.
    uniqueIndex('api_keys_prefix_idx').on(t.prefix),
    index('api_keys_workspace_idx').on(t.workspaceId),
    index('api_keys_account_idx').on(t.accountId),
    check('api_keys_scope_check', sql`(${t.workspaceId} is null) <> (${t.accountId} is null)`),
  ],
);
