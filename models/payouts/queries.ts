import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { balanceOf } from '../ledger/queries.js';
import type { Currency } from '../orders/table.js';
import { ownerAccount } from '../ledger/accounts.js';
import { payouts, type PayoutStatus } from './table.js';

/** A payout as screens, cards and receipts show it. */
export interface PayoutRow {
  id: string;
  workspaceId: string;
  requestedByAccountId: string;
  amount: number;
  currency: Currency;
  status: PayoutStatus;
  method: string | null;
  details: string;
  reason: string | null;
  decidedByTelegramId: number | null;
  decidedAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
}

/** Payouts that still hold money back: requested (waiting) or approved (posted, not yet sent). */
export const openPayoutStatuses = ['requested', 'approved'] as const;

const columns = {
  id: payouts.id,
  workspaceId: payouts.workspaceId,
  requestedByAccountId: payouts.requestedByAccountId,
  amount: payouts.amount,
  currency: payouts.currency,
  status: payouts.status,
  method: payouts.method,
  destination: payouts.destination,
  reason: payouts.reason,
  decidedByTelegramId: payouts.decidedByTelegramId,
  decidedAt: payouts.decidedAt,
  paidAt: payouts.paidAt,
  createdAt: payouts.createdAt,
};

function toRow(
  r: { destination: Record<string, unknown> } & Omit<PayoutRow, 'details'>,
): PayoutRow {
  const { destination, ...rest } = r;
  const details = typeof destination.details === 'string' ? destination.details : '';
  return { ...rest, details };
}

/** One payout (visible to the transaction's role); with `lock`, FOR UPDATE. */
export async function payoutById(
  tx: DbOrTx,
  payoutId: string,
  lock = false,
): Promise<PayoutRow | undefined> {
  const query = tx.select(columns).from(payouts).where(eq(payouts.id, payoutId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ? toRow(row) : undefined;
}

/** The workspace's payouts, newest first (history screen). */
export async function payoutHistory(
  tx: DbOrTx,
  workspaceId: string,
  limit = 10,
): Promise<PayoutRow[]> {
  const rows = await tx
    .select(columns)
    .from(payouts)
    .where(eq(payouts.workspaceId, workspaceId))
    .orderBy(desc(payouts.createdAt), desc(payouts.id))
    .limit(limit);
  return rows.map(toRow);
}

/** The workspace's open (requested or approved) payout in a currency, if any. */
export async function openPayout(
  tx: DbOrTx,
  workspaceId: string,
  currency: Currency,
): Promise<PayoutRow | undefined> {
  const [row] = await tx
    .select(columns)
    .from(payouts)
    .where(
      and(
        eq(payouts.workspaceId, workspaceId),
        eq(payouts.currency, currency),
        inArray(payouts.status, [...openPayoutStatuses]),
      ),
    )
    .limit(1);
  return row ? toRow(row) : undefined;
}

/**
 * Serializes balance-changing payout steps of one workspace and currency (request, approval) on a
 * transaction-scoped advisory lock, so two of them never both see the same available balance.
 */
export async function lockPayoutBalance(
  tx: DbOrTx,
  workspaceId: string,
  currency: Currency,
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`payout-balance:${workspaceId}:${currency}`}))`,
  );
}

/** What the owner may withdraw now: the owner account's credit balance (0 while it is in debit). */
export async function availableBalance(
  tx: DbOrTx,
  workspaceId: string,
  currency: Currency,
): Promise<number> {
  return Math.max(0, -(await balanceOf(tx, ownerAccount(workspaceId), currency)));
}
