import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Tx } from '../db.js';
import type { Currency } from '../orders/table.js';
import type { PaymentProvider } from '../payments/table.js';
import { ownerAccount, platformFeesAccount } from './accounts.js';
import { postEntries, type LedgerLine } from './post-entries.js';
import { platformFee, proRata } from './shares.js';
import { ledgerEntries } from './table.js';

export interface RefundAfterSettlement {
  workspaceId: string;
  orderId: string;
  /** Minor units given back (> 0). */
  amount: number;
  currency: Currency;
  /** Where the money goes: `provider:<provider>` (paid back), unless creditAccount says otherwise. */
  provider: PaymentProvider;
  /** E.g. `advertiser:<accountId>` when Stars cannot be refunded in part and the amount is credited. */
  creditAccount?: string;
  at: Date;
}

export interface RefundAfterSettlementPosted {
  postingId: string;
  /** Taken back from owner:<workspace> (may leave it in debit: a receivable). */
  owner: number;
  /** Taken back from platform:fees. */
  fee: number;
}

/** Memo prefix of the postings this module writes (the next refund reads the earlier ones). */
export const refundAfterSettlementMemo = (orderId: string) =>
  `order ${orderId}: refund after settlement`;

/** Sum of an order's lines on the owner and fee accounts whose memo starts with `prefix`. */
async function orderShares(tx: Tx, input: RefundAfterSettlement, prefix: string) {
  const owner = ownerAccount(input.workspaceId);
  const rows = await tx
    .select({
      account: ledgerEntries.account,
      sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.currency, input.currency),
        inArray(ledgerEntries.account, [owner, platformFeesAccount]),
        like(ledgerEntries.memo, `${prefix}%`),
      ),
    )
    .groupBy(ledgerEntries.account);
  const of = (account: string) => Number(rows.find((r) => r.account === account)?.sum ?? 0);
  return { owner: of(owner), fee: of(platformFeesAccount) };
}

/**
 * Takes `amount` of a settled order back from the owner's and the platform's shares and credits the
 * provider (or `creditAccount`). The platform part is the order's own fee proportion applied to the
 * cumulative refunded total (so repeated partial refunds never take more fee than the order paid;
 * 80/20 when the order has no settlement posting); the owner part is the rest: exact integers that
 * sum to `amount`. The owner account may end in debit — a receivable later settlements fill first.
 */
export async function postRefundAfterSettlement(
  tx: Tx,
  input: RefundAfterSettlement,
): Promise<RefundAfterSettlementPosted> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError(`Refund amounts are positive integers (got ${input.amount})`);
  }
  const settled = await orderShares(tx, input, `order ${input.orderId}: settlement`);
  const before = await orderShares(tx, input, refundAfterSettlementMemo(input.orderId));
  const settledOwner = -settled.owner;
  const settledFee = -settled.fee;
  const settledTotal = settledOwner + settledFee;
  const refundedBefore = before.owner + before.fee;
  const feeTakenBefore = before.fee;
  const cumulative = refundedBefore + input.amount;
  const feeWanted =
    settledTotal > 0
      ? proRata(settledFee, Math.min(cumulative, settledTotal), settledTotal)
      : platformFee(cumulative);
  const fee = Math.min(input.amount, Math.max(0, feeWanted - feeTakenBefore));
  const owner = input.amount - fee;
  const base = { currency: input.currency, workspaceId: input.workspaceId };
  const lines: LedgerLine[] = [
    { ...base, account: ownerAccount(input.workspaceId), amount: owner },
    { ...base, account: platformFeesAccount, amount: fee },
    {
      ...base,
      account: input.creditAccount ?? `provider:${input.provider}`,
      amount: -input.amount,
    },
  ];
  const postingId = await postEntries(tx, {
    memo: `${refundAfterSettlementMemo(input.orderId)} (${input.provider})`,
    lines: lines.filter((l) => l.amount !== 0),
    at: input.at,
  });
  return { postingId, owner, fee };
}
