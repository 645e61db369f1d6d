import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db.js';
import type { Currency } from '../orders/table.js';
import { ledgerEntries } from './table.js';

export interface LedgerLine {
  /** 'escrow', 'owner:<workspace>', 'platform:fees', 'advertiser:<account>', 'provider:stars'… */
  account: string;
  /** Minor units; positive = debit, negative = credit. */
  amount: number;
  currency: Currency;
  /** The tenant the line concerns (required for lines written in a workspace scope). */
  workspaceId?: string;
}

export interface Posting {
  postingId?: string;
  memo: string;
  lines: LedgerLine[];
  /** Platform-clock time of the posting; the database time when omitted. */
  at?: Date;
}

/**
 * Appends one balanced posting (lines summing to zero per currency) and returns its id. Throws on an
 * unbalanced posting before writing; the database re-checks every posting at commit.
 */
export async function postEntries(tx: DbOrTx, posting: Posting): Promise<string> {
  const sums = new Map<string, number>();
  for (const line of posting.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount === 0) {
      throw new RangeError(`Ledger line amounts are non-zero integers (got ${line.amount})`);
    }
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + line.amount);
  }
  if (posting.lines.length < 2 || [...sums.values()].some((sum) => sum !== 0)) {
    throw new RangeError(`Ledger posting "${posting.memo}" does not balance`);
  }
  const postingId = posting.postingId ?? randomUUID();
  await tx.insert(ledgerEntries).values(
    posting.lines.map((line) => ({
      postingId,
      account: line.account,
      amount: line.amount,
      currency: line.currency,
      workspaceId: line.workspaceId ?? null,
      memo: posting.memo,
      ...(posting.at ? { createdAt: posting.at } : {}),
    })),
  );
  return postingId;
}
