import { eq } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { enqueueNotification } from '../notifications/enqueue.js';
import { orderItems } from '../orders/table.js';
import { enqueueJobInTx } from '../placements/create-placements.js';
import { platformFee } from '../settlement/pro-rata.js';
import type { PaymentProvider } from './table.js';

export interface ReceiptInput {
  accountId: string;
  orderId: string;
  paymentId: string;
  provider: PaymentProvider;
  amount: number;
  currency: string;
  at: Date;
}

/** The titles of the order's channels, for receipts ("A, B"). */
export async function orderChannelTitles(tx: Tx, orderId: string): Promise<string> {
  const rows = await tx
    .selectDistinct({ title: channels.title })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(eq(orderItems.orderId, orderId));
  return rows.map((r) => r.title).join(', ');
}

/**
 * Queues the payer's receipt in the caller's transaction (key `receipt-payment`): order, channels,
 * amount, method, the 80/20 split (fee = round(amount × 0.20), owner's share after delivery), date
 * and our payment id. It exists exactly when the payment does.
 */
export async function enqueuePaymentReceipt(tx: Tx, input: ReceiptInput): Promise<void> {
  await enqueueNotification((n, d, when) => enqueueJobInTx(tx, n, d, when), {
    accountId: input.accountId,
    key: input.provider === 'balance' ? 'receipt-payment-balance' : 'receipt-payment',
    vars: {
      order: input.orderId.slice(0, 8),
      channels: await orderChannelTitles(tx, input.orderId),
      amount: input.amount,
      fee: platformFee(input.amount),
      currency: input.currency,
      method: input.provider,
      date: input.at.toISOString(),
      payment: input.paymentId,
    },
  });
}

/**
 * Queues the payer's refund receipt (key `receipt-refund`); `credited` = kept as balance (Stars
 * part: `receipt-refund-credit`; a balance payment back on the balance: `receipt-refund-balance`).
 */
export async function enqueueRefundReceipt(
  tx: Tx,
  input: ReceiptInput & { credited: number },
): Promise<void> {
  await enqueueNotification((n, d, when) => enqueueJobInTx(tx, n, d, when), {
    accountId: input.accountId,
    key:
      input.provider === 'balance'
        ? 'receipt-refund-balance'
        : input.credited > 0
          ? 'receipt-refund-credit'
          : 'receipt-refund',
    vars: {
      order: input.orderId.slice(0, 8),
      amount: input.credited > 0 ? input.credited : input.amount,
      currency: input.currency,
      method: input.provider,
      date: input.at.toISOString(),
      payment: input.paymentId,
    },
  });
}
