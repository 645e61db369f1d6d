import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';

export const webhookEndpointStatuses = ['enabled', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof webhookEndpointStatuses)[number];

/**
 * A partner's HTTPS endpoint for order events, owned like an API key by exactly one scope: a
 * workspace (owner) or an advertiser account. The signing secret is kept (it signs every delivery);
 * during a rotation the previous one also signs until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id'),
    accountId: uuid('account_id').references(() => accounts.id),
    createdByAccountId: uuid('created_by_account_id')
      .notNull()
      .references(() => accounts.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Subscribed event types (docs/api.md); never empty. */
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    status: text('status', { enum: webhookEndpointStatuses }).notNull().default('enabled'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    disabledReason: text('disabled_reason'),
    /** Deliveries given up in a row (reset by a success); the endpoint is disabled past the limit. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_endpoints_workspace_idx').on(t.workspaceId),
    index('webhook_endpoints_account_idx').on(t.accountId),
    check(
      'webhook_endpoints_scope_check',
      sql`(${t.workspaceId} is null) <> (${t.accountId} is null)`,
    ),
    check('webhook_endpoints_status_check', sql`${t.status} in ('enabled', 'disabled')`),
    check('webhook_endpoints_events_check', sql`cardinality(${t.events}) > 0`),
  ],
);

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one endpoint: the body is fixed when the delivery is created (every retry sends
 * the same bytes, signed afresh), at most one delivery per (endpoint, event).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    workspaceId: uuid('workspace_id'),
    accountId: uuid('account_id').references(() => accounts.id),
    /** domain_events.id of the event delivered (events may be purged; no foreign key). */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    check(
      'webhook_deliveries_scope_check',
      sql`(${t.workspaceId} is null) <> (${t.accountId} is null)`,
    ),
    check(
      'webhook_deliveries_status_check',
      sql`${t.status} in ('pending', 'delivered', 'failed')`,
    ),
  ],
);

/** Every attempt of a delivery, as the endpoint answered it (or why it could not). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    workspaceId: uuid('workspace_id'),
    accountId: uuid('account_id').references(() => accounts.id),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
  },
  (t) => [
    unique('webhook_attempts_delivery_attempt_key').on(t.deliveryId, t.attempt),
    check(
      'webhook_attempts_scope_check',
      sql`(${t.workspaceId} is null) <> (${t.accountId} is null)`,
    ),
  ],
);
