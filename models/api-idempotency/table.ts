import { sql } from 'drizzle-orm';
import {
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
import { accounts } from '../accounts/table.js';
import { apiKeys } from '../api-keys/table.js';

/**
 * One partner write per (API key, Idempotency-Key): the request's fingerprint, and once it has
 * run, the response it got — replayed to a retry with the same body for 24 hours. A row without a
 * status is a request still running (or one whose process died: taken over after `locked_until`).
 * Scoped like its key: a workspace (owner keys) or an account (advertiser keys).
 */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id),
    idempotencyKey: text('idempotency_key').notNull(),
    workspaceId: uuid('workspace_id'),
    accountId: uuid('account_id').references(() => accounts.id),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.idempotencyKey], name: 'api_idempotency_pkey' }),
    index('api_idempotency_created_idx').on(t.createdAt),
    check(
      'api_idempotency_scope_check',
      sql`(${t.workspaceId} is null) <> (${t.accountId} is null)`,
    ),
  ],
);
