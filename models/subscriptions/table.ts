import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

export const subscriptionStatuses = ['active', 'past_due', 'cancelled', 'expired'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** A workspace's Pro subscription period(s); workspaces.plan/plan_expires_at mirror the active one. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    plan: text('plan', { enum: ['pro'] })
      .notNull()
      .default('pro'),
    status: text('status', { enum: subscriptionStatuses }).notNull().default('active'),
    provider: text('provider', { enum: ['stars', 'stripe', 'yookassa'] }).notNull(),
    providerSubscriptionId: text('provider_subscription_id'),
    currentPeriodStart: timestamp('current_period_start', { withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'subscriptions_pkey', columns: [t.id, t.workspaceId] }),
    index('subscriptions_workspace_idx').on(t.workspaceId, t.currentPeriodEnd),
    index('subscriptions_period_end_idx').on(t.status, t.currentPeriodEnd),
    check(
      'subscriptions_status_check',
      sql`${t.status} in ('active', 'past_due', 'cancelled', 'expired')`,
    ),
    check('subscriptions_provider_check', sql`${t.provider} in ('stars', 'stripe', 'yookassa')`),
    check('subscriptions_period_check', sql`${t.currentPeriodEnd} > ${t.currentPeriodStart}`),
  ],
);
