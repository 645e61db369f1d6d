import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';
import { currencies, currencyCheck, orders } from '../orders/table.js';
import { subscriptions } from '../subscriptions/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

/** `balance`: paid from the advertiser's ledger credit (`advertiser:<accountId>`), orders only. */
export const paymentProviders = ['stars', 'stripe', 'yookassa', 'balance'] as const;
export type PaymentProvider = (typeof paymentProviders)[number];
/** What a Pro subscription can be bought with (never the advertiser's balance). */
export const subscriptionProviders = ['stars', 'stripe', 'yookassa'] as const;
export type SubscriptionProvider = (typeof subscriptionProviders)[number];
export const paymentStatuses = [
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * Money received from a payer (account_id) for an order or a subscription of a workspace.
 * Readable by the workspace and by the payer. One row per provider payment id.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    purpose: text('purpose', { enum: ['order', 'subscription'] }).notNull(),
    orderId: uuid('order_id'),
    subscriptionId: uuid('subscription_id'),
    provider: text('provider', { enum: paymentProviders }).notNull(),
    providerPaymentId: text('provider_payment_id'),
    idempotencyKey: text('idempotency_key'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: currencies }).notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    confirmationUrl: text('confirmation_url'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payments_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders),
    sameWorkspaceKey(t.workspaceId, t.subscriptionId, subscriptions),
    unique('payments_idempotency_key').on(t.idempotencyKey, t.workspaceId),
    unique('payments_provider_payment_key').on(t.provider, t.providerPaymentId, t.workspaceId),
    index('payments_workspace_idx').on(t.workspaceId, t.createdAt),
    index('payments_account_idx').on(t.accountId, t.createdAt),
    index('payments_order_idx').on(t.orderId),
    check(
      'payments_provider_check',
      sql`${t.provider} in ('stars', 'stripe', 'yookassa', 'balance')`,
    ),
    check(
      'payments_status_check',
      sql`${t.status} in ('pending', 'succeeded', 'failed', 'cancelled', 'refunded', 'partially_refunded')`,
    ),
    check('payments_purpose_check', sql`${t.purpose} in ('order', 'subscription')`),
    check('payments_currency_check', sql`${t.currency} in ${currencyCheck}`),
    check(
      'payments_amount_check',
      sql`${t.amount} > 0 and ${t.refundedAmount} between 0 and ${t.amount}`,
    ),
  ],
);
