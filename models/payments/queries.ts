import { and, desc, eq, inArray } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { DbOrTx } from '../db.js';
import { orders, type OrderStatus } from '../orders/table.js';
import { payments } from './table.js';

/** Order states in which money still held for the order must go back to the payer. */
export const refundableOrderStatuses: OrderStatus[] = [
  'rejected',
  'cancelled',
  'expired',
  'failed',
];

export interface HeldPayment {
  paymentId: string;
  orderId: string;
  workspaceId: string;
  chargeId: string;
  amount: number;
  payerTelegramId: number;
  refundAttempts: number;
}

/** The order's succeeded (not yet refunded) Stars payment, with the payer's Telegram id. */
export async function heldStarsPayment(
  tx: DbOrTx,
  orderId: string,
): Promise<HeldPayment | undefined> {
  const [row] = await tx
    .select({
      paymentId: payments.id,
      orderId: payments.orderId,
      workspaceId: payments.workspaceId,
      chargeId: payments.providerPaymentId,
      amount: payments.amount,
      details: payments.details,
      payerTelegramId: accounts.telegramId,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.provider, 'stars'),
        eq(payments.status, 'succeeded'),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!row?.chargeId || !row.orderId) return undefined;
  const attempts = Number((row.details as { refundAttempts?: unknown }).refundAttempts ?? 0);
  return {
    paymentId: row.paymentId,
    orderId: row.orderId,
    workspaceId: row.workspaceId,
    chargeId: row.chargeId,
    amount: row.amount,
    payerTelegramId: row.payerTelegramId,
    refundAttempts: Number.isFinite(attempts) ? attempts : 0,
  };
}

/** Succeeded payments whose order ended without delivery: refunds still owed (needs app_system). */
export async function pendingRefunds(
  tx: DbOrTx,
  limit: number,
): Promise<{ orderId: string; workspaceId: string }[]> {
  const rows = await tx
    .select({ orderId: payments.orderId, workspaceId: payments.workspaceId })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.provider, 'stars'),
        eq(payments.status, 'succeeded'),
        inArray(orders.status, refundableOrderStatuses),
      ),
    )
    .orderBy(payments.updatedAt)
    .limit(limit);
  return rows.flatMap((r) =>
    r.orderId ? [{ orderId: r.orderId, workspaceId: r.workspaceId }] : [],
  );
}
