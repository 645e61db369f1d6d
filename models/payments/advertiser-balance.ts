import { desc, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db.js';
import { ledgerEntries } from '../ledger/table.js';
import type { Currency } from '../orders/table.js';
import { advertiserAccount } from '../ledger/accounts.js';
import { uuidSource } from '../uuid.js';

/** One line of the advertiser's credit account, as the advertiser reads it. */
export interface AdvertiserMovement {
  at: Date;
  /** Minor units, positive: how much the balance moved. */
  amount: number;
  currency: Currency;
  /** 'credit': money put on the balance (refund, pro-rata credit); 'paid': an order paid from it. */
  kind: 'credit' | 'paid';
  /** The order the memo names, when it names one. */
  orderId: string | undefined;
}

export interface AdvertiserBalance {
  /** Credit available per currency (only currencies with something on them). */
  credits: { currency: Currency; available: number }[];
  movements: AdvertiserMovement[];
}

const orderInMemo = new RegExp(`^order (${uuidSource})`);

/**
 * The advertiser's credit per currency: minus the balance of `advertiser:<accountId>` (a credit on
 * that liability account is money we owe them). Needs a transaction that can read that account
 * (the ledger_entries_advertiser_read policy: any scope with this account id).
 */
export async function advertiserCredits(
  tx: DbOrTx,
  accountId: string,
): Promise<Partial<Record<Currency, number>>> {
  const rows = await tx
    .select({
      currency: ledgerEntries.currency,
      sum: sql<string>`coalesce(-sum(${ledgerEntries.amount}), 0)::text`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.account, advertiserAccount(accountId)))
    .groupBy(ledgerEntries.currency);
  return Object.fromEntries(rows.map((r) => [r.currency, Number(r.sum)]));
}

/** The advertiser's own credit and its latest movements (read in the advertiser's scope only). */
export function readAdvertiserBalance(
  database: Database,
  accountId: string,
  limit = 10,
): Promise<AdvertiserBalance> {
  return database.withScope({ accountId }, async (tx) => {
    const credits = await advertiserCredits(tx, accountId);
    const rows = await tx
      .select({
        at: ledgerEntries.createdAt,
        amount: ledgerEntries.amount,
        currency: ledgerEntries.currency,
        memo: ledgerEntries.memo,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.account, advertiserAccount(accountId)))
      .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(limit);
    return {
      credits: Object.entries(credits)
        .filter(([, available]) => available !== 0)
        .map(([currency, available]) => ({ currency: currency as Currency, available })),
      movements: rows.map((r) => ({
        at: r.at,
        amount: Math.abs(r.amount),
        currency: r.currency,
        kind: r.amount < 0 ? 'credit' : 'paid',
        orderId: orderInMemo.exec(r.memo)?.[1],
      })),
    };
  });
}
