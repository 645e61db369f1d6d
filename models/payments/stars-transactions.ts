import { createHash } from 'node:crypto';

/** The Telegram user on the other side of a Star transaction. */
export interface StarsTransactionUser {
  telegramId: number;
  firstName: string;
  username?: string;
}

/**
 * One of the bot's Telegram Star transactions as plain data (the edge maps getStarTransactions):
 * 'payment' — a user paid an invoice (incoming; id = telegram_payment_charge_id); 'refund' —
 * outgoing to a user (a refund has the id of the charge it gives back); 'other' — anything else.
 */
export interface StarsTransaction {
  id: string;
  kind: 'payment' | 'refund' | 'other';
  /** Whole stars. */
  amount: number;
  at: Date;
  user?: StarsTransactionUser;
  /** The invoice payload of a payment. */
  payload?: string;
  /** Seconds, for a subscription payment. */
  subscriptionPeriod?: number;
}

/** One page of transactions, newest first (Telegram's order): skip `offset`, at most `limit`. */
export type FetchStarsTransactions = (offset: number, limit: number) => Promise<StarsTransaction[]>;

export interface TransactionWindow {
  /** Pages are read until one reaches back before this time. */
  since: Date;
  pageSize: number;
  /** Hard bound on the pages read in one run. */
  maxPages: number;
}

/**
 * Reads the bot's transactions newest first, page by page, until a page reaches back before
 * `since`, comes back short, or `maxPages` were read (`truncated`: older ones were not seen).
 */
export async function readRecentStarsTransactions(
  fetch: FetchStarsTransactions,
  window: TransactionWindow,
): Promise<{ transactions: StarsTransaction[]; truncated: boolean }> {
  const transactions: StarsTransaction[] = [];
  for (let page = 0; page < window.maxPages; page++) {
    const batch = await fetch(page * window.pageSize, window.pageSize);
    transactions.push(...batch);
    const oldest = batch[batch.length - 1];
    if (batch.length < window.pageSize || !oldest || oldest.at < window.since)
      return { transactions, truncated: false };
  }
  return { transactions, truncated: true };
}

/**
 * The uuid that stands for a Stars charge where one is needed (its admin card's object id): the
 * first 128 bits of sha256(charge id), marked as an RFC 9562 version 8 (custom) uuid.
 */
export function starsChargeUuid(chargeId: string): string {
  const hex = createHash('sha256').update(`stars-charge:${chargeId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
