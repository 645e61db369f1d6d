import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import { slots } from '../slots/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

export const orderStatuses = [
  'draft',
  'held',
  'awaiting_payment',
  'paid',
  'in_review',
  'scheduled',
  'publishing',
  'published',
  'completed',
  'rejected',
  'cancelled',
  'expired',
  'failed',
  'refunded',
  'disputed',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const currencies = ['RUB', 'USD', 'EUR', 'XTR'] as const;
export type Currency = (typeof currencies)[number];

/** SQL list of the currencies, for check constraints. */
export const currencyCheck = sql.raw(`('RUB', 'USD', 'EUR', 'XTR')`);

/**
 * An advertiser's purchase from one workspace (the channels' owner). Readable by the workspace
 * (app.workspace_id) and by the advertiser (app.account_id). Amounts are minor units.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    advertiserAccountId: uuid('advertiser_account_id')
      .notNull()
      .references(() => accounts.id),
    bundleId: uuid('bundle_id'),
    status: text('status', { enum: orderStatuses }).notNull().default('draft'),
    currency: text('currency', { enum: currencies }).notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull().default(0),
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }).notNull().default(0),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    marking: jsonb('marking').$type<Record<string, unknown>>(),
    statusReason: text('status_reason'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    reviewDeadlineAt: timestamp('review_deadline_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** A/B test (models/ab-tests/): the variant that takes the remaining placements, once decided. */
    abWinner: integer('ab_winner'),
    /** The winner's probability to be the best when it was decided (0..1). */
    abProbability: doublePrecision('ab_probability'),
    abDecidedAt: timestamp('ab_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'orders_pkey', columns: [t.id, t.workspaceId] }),
    index('orders_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('orders_advertiser_idx').on(t.advertiserAccountId, t.createdAt),
    index('orders_bundle_idx').on(t.bundleId),
    index('orders_hold_expiry_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} in ('held', 'awaiting_payment')`),
    check(
      'orders_status_check',
      sql`${t.status} in ('draft', 'held', 'awaiting_payment', 'paid', 'in_review', 'scheduled', 'publishing', 'published', 'completed', 'rejected', 'cancelled', 'expired', 'failed', 'refunded', 'disputed')`,
    ),
    check('orders_currency_check', sql`${t.currency} in ${currencyCheck}`),
    check(
      'orders_ab_check',
      sql`(${t.abWinner} is null or ${t.abWinner} between 0 and 3) and (${t.abProbability} is null or ${t.abProbability} between 0 and 1)`,
    ),
    check(
      'orders_amounts_check',
      sql`${t.subtotal} >= 0 and ${t.discount} >= 0 and ${t.total} = ${t.subtotal} - ${t.discount} and ${t.refundedAmount} between 0 and ${t.total}`,
    ),
  ],
);

/** One booked slot of an order, with its format and price; carries the order's tenant columns. */
export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    advertiserAccountId: uuid('advertiser_account_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    channelId: uuid('channel_id').notNull(),
    format: text('format').notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    variantIndex: integer('variant_index'),
  },
  (t) => [
    primaryKey({ name: 'order_items_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders).onDelete('cascade'),
    sameWorkspaceKey(t.workspaceId, t.slotId, slots),
    sameWorkspaceKey(t.workspaceId, t.channelId, channels),
    unique('order_items_order_slot_key').on(t.orderId, t.slotId, t.workspaceId),
    index('order_items_workspace_idx').on(t.workspaceId, t.orderId),
    index('order_items_slot_idx').on(t.slotId),
    check('order_items_price_check', sql`${t.price} >= 0`),
  ],
);

/** An ad variant (up to 4, index 0..3): the post content to copy and its URL buttons. */
export const creatives = pgTable(
  'creatives',
  {
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    advertiserAccountId: uuid('advertiser_account_id').notNull(),
    variantIndex: integer('variant_index').notNull().default(0),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    buttons: jsonb('buttons').$type<unknown[]>().notNull().default([]),
    moderationStatus: text('moderation_status', {
      enum: ['not_required', 'pending', 'approved', 'rejected'],
    })
      .notNull()
      .default('not_required'),
    /** Why moderation flagged or rejected it (shown to the advertiser on rejection). */
    moderationNote: text('moderation_note'),
    /** What the content check found: [{ source: 'stop_words'|'links'|'ai', code, detail }]. */
    moderationFlags: jsonb('moderation_flags').$type<unknown[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ name: 'creatives_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders).onDelete('cascade'),
    unique('creatives_order_variant_key').on(t.orderId, t.variantIndex, t.workspaceId),
    index('creatives_workspace_idx').on(t.workspaceId, t.orderId),
    check('creatives_variant_check', sql`${t.variantIndex} between 0 and 3`),
    check(
      'creatives_moderation_check',
      sql`${t.moderationStatus} in ('not_required', 'pending', 'approved', 'rejected')`,
    ),
  ],
);
