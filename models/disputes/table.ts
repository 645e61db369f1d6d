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
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table.js';
import { currencies, currencyCheck, orders } from '../orders/table.js';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';
import { sameWorkspaceKey } from '../workspace-key.js';

export const disputeStatuses = ['open', 'resolved'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const disputeDecisions = ['full_refund', 'partial_refund', 'no_refund'] as const;
export type DisputeDecision = (typeof disputeDecisions)[number];

/**
 * A complaint about a placement (or its order) by the advertiser or the channel's owner side, with
 * a reason and an evidence message; an admin resolves it with a full, partial or no refund.
 * Readable by the channel's workspace and by the order's advertiser (advertiser_account_id).
 */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    orderId: uuid('order_id').notNull(),
    placementId: uuid('placement_id'),
    advertiserAccountId: uuid('advertiser_account_id')
      .notNull()
      .references(() => accounts.id),
    openedByAccountId: uuid('opened_by_account_id')
      .notNull()
      .references(() => accounts.id),
    openerRole: text('opener_role', { enum: ['advertiser', 'owner'] }).notNull(),
    reason: text('reason').notNull(),
    /** The evidence message: { chatId, messageId } of the message the opener sent (forwarded to admins). */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: disputeStatuses }).notNull().default('open'),
    decision: text('decision', { enum: disputeDecisions }),
    refundAmount: bigint('refund_amount', { mode: 'number' }),
    currency: text('currency', { enum: currencies }).notNull(),
    decisionNote: text('decision_note'),
    decidedByTelegramId: bigint('decided_by_telegram_id', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'disputes_pkey', columns: [t.id, t.workspaceId] }),
    sameWorkspaceKey(t.workspaceId, t.orderId, orders),
    sameWorkspaceKey(t.workspaceId, t.placementId, placements),
    index('disputes_workspace_idx').on(t.workspaceId, t.createdAt),
    index('disputes_order_idx').on(t.orderId),
    index('disputes_advertiser_idx').on(t.advertiserAccountId, t.createdAt),
    check('disputes_status_check', sql`${t.status} in ('open', 'resolved')`),
    check(
      'disputes_decision_check',
      sql`${t.decision} is null or ${t.decision} in ('full_refund', 'partial_refund', 'no_refund')`,
    ),
    check('disputes_opener_check', sql`${t.openerRole} in ('advertiser', 'owner')`),
    check('disputes_refund_check', sql`${t.refundAmount} is null or ${t.refundAmount} >= 0`),
    check('disputes_currency_check', sql`${t.currency} in ${currencyCheck}`),
  ],
);
