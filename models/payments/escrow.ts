import type { Tx } from '../db.js';
import { advertiserAccount } from '../ledger/accounts.js';
import type { LedgerLine } from '../ledger/post-entries.js';
import { postEntries } from '../ledger/post-entries.js';
import type { Currency } from '../orders/table.js';
import type { PaymentProvider } from './table.js';

/**
 * Sign convention (models/ledger: debit > 0, credit < 0). `provider:<name>` is an asset — money the
 * provider holds for the platform; `escrow` is a liability — money owed to the advertiser until the
 * ad is delivered. A payment from the advertiser's balance debits `advertiser:<account>` (their
 * credit, a liability, shrinks) instead of a provider. A payment debits the provider and credits escrow (escrow's balance goes
 * negative by the amount held); a full refund is the exact reversal, bringing both back to zero.
 */
export const escrowAccount = 'escrow';

export interface EscrowMove {
  provider: PaymentProvider;
  amount: number;
  currency: Currency;
  workspaceId: string;
  /** The payer; required for 'balance' (the money comes from `advertiser:<payerAccountId>`). */
  payerAccountId?: string;
}

/** Where a payment's money comes from: the provider, or the advertiser's credit for 'balance'. */
export function fundingAccount(move: Pick<EscrowMove, 'provider' | 'payerAccountId'>): string {
  if (move.provider !== 'balance') return `provider:${move.provider}`;
  if (!move.payerAccountId) throw new RangeError('A balance payment needs the payer account');
  return advertiserAccount(move.payerAccountId);
}

/** The lines of a payment received into escrow. */
export function paymentLines(move: EscrowMove): LedgerLine[] {
  const base = { currency: move.currency, workspaceId: move.workspaceId };
  return [
    { ...base, account: fundingAccount(move), amount: move.amount },
    { ...base, account: escrowAccount, amount: -move.amount },
  ];
}

/** The lines of a full refund: the exact reversal of paymentLines. */
export function refundLines(move: EscrowMove): LedgerLine[] {
  return paymentLines(move).map((line) => ({ ...line, amount: -line.amount }));
}

/** Posts a payment into escrow (memo names the order and the provider's payment id). */
export function postPaymentToEscrow(
  tx: Tx,
  move: EscrowMove & { orderId: string; chargeId: string; at: Date },
): Promise<string> {
  return postEntries(tx, {
    memo: `order ${move.orderId}: ${move.provider} payment ${move.chargeId}`,
    lines: paymentLines(move),
    at: move.at,
  });
}

/** Posts the reversal of a payment (full refund out of escrow). */
export function postRefundFromEscrow(
  tx: Tx,
  move: EscrowMove & { orderId: string; chargeId: string; at: Date },
): Promise<string> {
  return postEntries(tx, {
    memo: `order ${move.orderId}: ${move.provider} refund ${move.chargeId}`,
    lines: refundLines(move),
    at: move.at,
  });
}
