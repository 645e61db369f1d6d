import { and, desc, eq, inArray, like, lt, sql } from 'drizzle-orm';
import type { Database } from '../db.js';
import { ledgerEntries } from '../ledger/table.js';
import { orders, type Currency, type OrderStatus } from '../orders/table.js';
import { payments } from '../payments/table.js';
import { ownerAccount } from '../ledger/accounts.js';
import { isCurrency } from './rules.js';
import { payouts } from './table.js';

/** Orders whose money sits in escrow on the owner's behalf (paid, not yet settled). */
export const pendingOrderStatuses: readonly OrderStatus[] = [
  'paid',
  'in_review',
  'scheduled',
  'publishing',
  'published',
];

export interface MonthEarnings {
  /** 'YYYY-MM' in UTC. */
  month: string;
  amount: number;
}

export interface CurrencyBalance {
  currency: Currency;
  /** What the owner may withdraw: the owner account's credit balance (0 when in debit). */
  available: number;
  /** Escrow of the workspace's paid, not yet settled orders (gross, before the platform fee). */
  pending: number;
  /** Approved payouts not yet marked paid (already taken out of `available`). */
  payingOut: number;
  /** What the owner owes after a refund of a paid-out order: later settlements fill it first. */
  receivable: number;
  /** Settlement credits to the owner per UTC month, newest first (up to `months`). */
  earnedByMonth: MonthEarnings[];
}

const currencyOrder: Currency[] = ['RUB', 'USD', 'EUR', 'XTR'];

/**
 * The owner's money per currency, all derived from the journal and the order/payout rows of the
 * workspace (its scope only): available, pending escrow, payouts in flight, receivable and
 * earnings by month (UTC months). Currencies with nothing at all are left out.
 */
export async function ownerBalances(
  database: Database,
  workspaceId: string,
  months = 6,
): Promise<CurrencyBalance[]> {
  const owner = ownerAccount(workspaceId);
  return database.withScope({ workspaceId }, async (tx) => {
    const balanceRows = await tx
      .select({
        currency: ledgerEntries.currency,
        sum: sql<string>`sum(${ledgerEntries.amount})::text`,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.account, owner))
      .groupBy(ledgerEntries.currency);
    const pendingRows = await tx
      .select({
        currency: payments.currency,
        sum: sql<string>`sum(${payments.amount} - ${payments.refundedAmount})::text`,
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(
        and(
          eq(payments.workspaceId, workspaceId),
          eq(payments.purpose, 'order'),
          inArray(payments.status, ['succeeded', 'partially_refunded']),
          inArray(orders.status, [...pendingOrderStatuses]),
        ),
      )
      .groupBy(payments.currency);
    const payingRows = await tx
      .select({ currency: payouts.currency, sum: sql<string>`sum(${payouts.amount})::text` })
      .from(payouts)
      .where(and(eq(payouts.workspaceId, workspaceId), eq(payouts.status, 'approved')))
      .groupBy(payouts.currency);
    const month = sql<string>`to_char(${ledgerEntries.createdAt} at time zone 'UTC', 'YYYY-MM')`;
    const earnedRows = await tx
      .select({
        currency: ledgerEntries.currency,
        month,
        sum: sql<string>`(-sum(${ledgerEntries.amount}))::text`,
      })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.account, owner),
          lt(ledgerEntries.amount, 0),
          like(ledgerEntries.memo, 'order %: settlement%'),
        ),
      )
      .groupBy(ledgerEntries.currency, month)
      .orderBy(desc(month));

    const seen = new Set<Currency>();
    for (const r of [...balanceRows, ...pendingRows, ...payingRows, ...earnedRows]) {
      if (isCurrency(r.currency)) seen.add(r.currency);
    }
    const of = (rows: { currency: string; sum: string }[], c: Currency) =>
      Number(rows.find((r) => r.currency === c)?.sum ?? 0);
    return currencyOrder
      .filter((c) => seen.has(c))
      .map((currency) => {
        const balance = of(balanceRows, currency);
        return {
          currency,
          available: Math.max(0, -balance),
          pending: of(pendingRows, currency),
          payingOut: of(payingRows, currency),
          receivable: Math.max(0, balance),
          earnedByMonth: earnedRows
            .filter((r) => r.currency === currency)
            .slice(0, months)
            .map((r) => ({ month: r.month, amount: Number(r.sum) })),
        };
      });
  });
}
