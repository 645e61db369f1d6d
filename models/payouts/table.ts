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
import { currencies, currencyCheck } from '../orders/table.js';
import { workspaces } from '../workspaces/table.js';

export const payoutStatuses = ['requested', 'approved', 'rejected', 'paid', 'cancelled'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

/** An owner's withdrawal request; approval and payment are ledger postings (posting ids kept). */
export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    requestedByAccountId: uuid('requested_by_account_id')
      .notNull()
      .references(() => accounts.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: currencies }).notNull(),
    status: text('status', { enum: payoutStatuses }).notNull().default('requested'),
    method: text('method'),
    destination: jsonb('destination').$type<Record<string, unknown>>().notNull().default({}),
    reason: text('reason'),
    decidedByTelegramId: bigint('decided_by_telegram_id', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    postingId: uuid('posting_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'payouts_pkey', columns: [t.id, t.workspaceId] }),
    index('payouts_workspace_idx').on(t.workspaceId, t.createdAt),
    index('payouts_status_idx').on(t.status, t.createdAt),
    check(
      'payouts_status_check',
      sql`${t.status} in ('requested', 'approved', 'rejected', 'paid', 'cancelled')`,
    ),
    check('payouts_amount_check', sql`${t.amount} > 0`),
    check('payouts_currency_check', sql`${t.currency} in ${currencyCheck}`),
  ],
);
