import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { DbOrTx } from '../db.js';
import { orders, type Currency, type OrderStatus } from '../orders/table.js';
import { readRefundIntent } from './refund-intent.js';
import { payments, type PaymentProvider } from './table.js';

/** Order states in which money still held for the order must go back to the payer. */
export const refundableOrderStatuses: OrderStatus[] = [
  'rejected',
  'cancelled',
  'expired',
  'failed',
];

/** Payment states that still hold (part of) the money. */
const holdingStatuses = ['succeeded', 'partially_refunded'] as const;

export interface HeldPayment {
  paymentId: string;
  orderId: string;
  workspaceId: string;
  accountId: string;
  provider: PaymentProvider;
  /** The provider's id of the payment (Stars charge id, Stripe payment intent, YooKassa payment). */
  chargeId: string;
  amount: number;
  currency: Currency;
  refundedAmount: number;
  payerTelegramId: number;
  refundAttempts: number;
  /** Refunds recorded so far (numbers the idempotency keys). */
  refundCount: number;
  /** Refunds the provider accepted but has not finished (YooKassa 'pending'), to be asked about. */
  pendingRefunds: PendingRefund[];
  /** Refunds that failed at the provider after they were booked (credited to the payer instead). */
  failedRefundTotal: number;
  /** The settlement of the order, when it was settled (settle-placement writes it). */
  settlement: { owner: number; fee: number; credited: number } | undefined;
  /** Money that arrived after the order was paid or closed (given back on its own). */
  orphan: boolean;
  /** The refunded total our own refund in flight brings the payment to (refund-intent.ts). */
  refundIntentTotal: number | undefined;
}

function count(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function readSettlement(value: unknown): HeldPayment['settlement'] {
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Record<string, unknown>;
  return { owner: count(s.owner), fee: count(s.fee), credited: count(s.credited) };
}

export interface PendingRefund {
  id: string;
  amount: number;
}

/** The refunds a payment's details list as pending at the provider. */
export function pendingRefundsOf(details: Record<string, unknown>): PendingRefund[] {
  if (!Array.isArray(details.pendingRefunds)) return [];
  return details.pendingRefunds.flatMap((r: unknown) => {
    const { id, amount } = (r ?? {}) as { id?: unknown; amount?: unknown };
    return typeof id === 'string' && typeof amount === 'number' ? [{ id, amount }] : [];
  });
}

/** What a payment's details keep of failed refunds. */
export function failedRefundsOf(details: Record<string, unknown>): {
  ids: string[];
  total: number;
} {
  const ids = Array.isArray(details.failedRefundIds)
    ? details.failedRefundIds.filter((id): id is string => typeof id === 'string')
    : [];
  const total = Number(details.failedRefundTotal ?? 0);
  return { ids, total: Number.isSafeInteger(total) && total > 0 ? total : 0 };
}

/**
 * The order's payment still holding money (any provider), with the payer's Telegram id: an orphan
 * (money that arrived after the order was paid or closed) first, so it is the one given back —
 * or exactly `paymentId` when the caller knows which one (a provider's refund notification).
 */
export async function heldOrderPayment(
  tx: DbOrTx,
  orderId: string,
  lock = false,
  paymentId?: string,
): Promise<HeldPayment | undefined> {
  const query = tx
    .select({
      paymentId: payments.id,
      orderId: payments.orderId,
      workspaceId: payments.workspaceId,
      accountId: payments.accountId,
      provider: payments.provider,
      chargeId: payments.providerPaymentId,
      amount: payments.amount,
      currency: payments.currency,
      refundedAmount: payments.refundedAmount,
      details: payments.details,
      payerTelegramId: accounts.telegramId,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.purpose, 'order'),
        inArray(payments.status, [...holdingStatuses]),
        paymentId ? eq(payments.id, paymentId) : undefined,
      ),
    )
    .orderBy(
      desc(sql`coalesce((${payments.details}->>'orphan')::boolean, false)`),
      desc(payments.createdAt),
    )
    .limit(1);
  const [row] = lock ? await query.for('update', { of: payments }) : await query;
  if (!row?.chargeId || !row.orderId) return undefined;
  const details = row.details as Record<string, unknown>;
  return {
    paymentId: row.paymentId,
    orderId: row.orderId,
    workspaceId: row.workspaceId,
    accountId: row.accountId,
    provider: row.provider,
    chargeId: row.chargeId,
    amount: row.amount,
    currency: row.currency,
    refundedAmount: row.refundedAmount,
    payerTelegramId: row.payerTelegramId,
    refundAttempts: count(details.refundAttempts),
    refundCount: count(details.refundCount),
    pendingRefunds: pendingRefundsOf(details),
    failedRefundTotal: failedRefundsOf(details).total,
    settlement: readSettlement(details.settlement),
    orphan: details.orphan === true,
    refundIntentTotal: readRefundIntent(details),
  };
}

/**
 * Payments holding money whose order ended without delivery, and orphans (money that arrived after
 * the order was paid another way or closed) whatever the order's state: refunds still owed (needs
 * app_system).
 */
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
        eq(payments.purpose, 'order'),
        inArray(payments.status, [...holdingStatuses]),
        or(
          inArray(orders.status, refundableOrderStatuses),
          sql`coalesce((${payments.details}->>'orphan')::boolean, false)`,
        ),
      ),
    )
    .orderBy(payments.updatedAt)
    .limit(limit);
  return rows.flatMap((r) =>
    r.orderId ? [{ orderId: r.orderId, workspaceId: r.workspaceId }] : [],
  );
}

/** Which of these Telegram Stars charge ids a payment row records, any status (needs app_system). */
export async function recordedStarsCharges(tx: DbOrTx, chargeIds: string[]): Promise<Set<string>> {
  if (chargeIds.length === 0) return new Set();
  const rows = await tx
    .select({ chargeId: payments.providerPaymentId })
    .from(payments)
    .where(and(eq(payments.provider, 'stars'), inArray(payments.providerPaymentId, chargeIds)));
  return new Set(rows.flatMap((r) => (r.chargeId ? [r.chargeId] : [])));
}
