import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { payments } from './table.js';

/**
 * Our own refund is noted on its payment before the provider is called (details.refundIntent), so
 * the provider's notification that may arrive before our answer is recorded is known as ours
 * (reconcileProviderRefund) and never handled as a refund made in the provider's dashboard.
 */
export async function markRefundIntent(
  tx: Tx,
  input: { paymentId: string; totalAfter: number; at: Date },
): Promise<void> {
  const intent = { totalAfter: input.totalAfter, at: input.at.toISOString() };
  await tx
    .update(payments)
    .set({
      details: sql`${payments.details} || ${JSON.stringify({ refundIntent: intent })}::jsonb`,
    })
    .where(eq(payments.id, input.paymentId));
}

/** Drops the note once our refund's outcome (recorded, or failed) is written. */
export async function clearRefundIntent(tx: Tx, paymentId: string): Promise<void> {
  await tx
    .update(payments)
    .set({ details: sql`${payments.details} - 'refundIntent'` })
    .where(eq(payments.id, paymentId));
}

/** The refunded total our refund in flight brings the payment to, if one is noted. */
export function readRefundIntent(details: Record<string, unknown>): number | undefined {
  const intent = details.refundIntent as { totalAfter?: unknown } | null | undefined;
  const total = intent?.totalAfter;
  return typeof total === 'number' && Number.isSafeInteger(total) ? total : undefined;
}
