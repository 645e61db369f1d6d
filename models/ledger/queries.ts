import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import type { Currency } from '../orders/table.js';
import { ledgerEntries } from './table.js';

/**
 * An account's balance in minor units, derived from the journal: debits minus credits (positive =
 * the account holds a debit balance). Only lines visible to the transaction's role count.
 */
export async function balanceOf(tx: DbOrTx, account: string, currency: Currency): Promise<number> {
  const rows = await tx
    .select({ balance: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.currency, currency)));
  return Number(rows[0]?.balance ?? 0);
}
