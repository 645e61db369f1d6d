import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { currencies, currencyCheck } from '../orders/table.js';

/**
 * The append-only double-entry journal. amount > 0 is a debit, < 0 a credit; every posting_id sums
 * to zero per currency at commit (deferred constraint trigger). No UPDATE or DELETE, ever.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postingId: uuid('posting_id').notNull(),
    account: text('account').notNull(),
    workspaceId: uuid('workspace_id'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency', { enum: currencies }).notNull(),
    memo: text('memo').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_posting_idx').on(t.postingId),
    index('ledger_entries_account_idx').on(t.account, t.currency),
    index('ledger_entries_workspace_idx').on(t.workspaceId, t.createdAt),
    check('ledger_entries_amount_check', sql`${t.amount} <> 0`),
    check('ledger_entries_currency_check', sql`${t.currency} in ${currencyCheck}`),
    check('ledger_entries_account_check', sql`${t.account} ~ '^[a-z_]+(:[A-Za-z0-9_.-]+)?$'`),
  ],
);
