import { eq } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { orderItems } from '../orders/table.js';
import { appendEvent, type PaymentFacts } from '../outbox/events.js';
import type { PaymentProvider } from './table.js';

export interface ReceiptInput {
  workspaceId: string;
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

/** The facts of a receipt's payment, as its events carry them. */
function paymentFacts(input: ReceiptInput): PaymentFacts {
  return {
    workspaceId: input.workspaceId,
    orderId: input.orderId,
    paymentId: input.paymentId,
    payerAccountId: input.accountId,
    provider: input.provider,
    amount: input.amount,
    currency: input.currency,
  };
}

/**
 * Appends `payment.received` in the caller's transaction: the payer's receipt (order, channels,
 * amount, method, the 80/20 split, date, our payment id) exists exactly when the payment does.
 */
export async function appendPaymentReceived(tx: Tx, input: ReceiptInput): Promise<void> {
  await appendEvent(tx, { type: 'payment.received', ...paymentFacts(input) }, input.at);
}

/**
 * Appends `payment.refunded`: the payer's refund receipt; `credited` = kept as balance (Stars part,
 * or a balance payment back on the balance).
 */
export async function appendPaymentRefunded(
  tx: Tx,
  input: ReceiptInput & { credited: number },
): Promise<void> {
  const event = { type: 'payment.refunded' as const, credited: input.credited };
  await appendEvent(tx, { ...event, ...paymentFacts(input) }, input.at);
}
