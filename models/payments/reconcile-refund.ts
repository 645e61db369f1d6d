import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { heldOrderPayment } from './queries.js';
import { markOrderRefunded, recordRefund } from './record-refund.js';
import { payments, type PaymentProvider } from './table.js';

export interface ProviderRefundReport {
  provider: PaymentProvider;
  providerPaymentId: string;
  /** The provider's refunded total of the payment so far (minor units). */
  refundedTotal: number;
}

/**
 * A provider webhook confirms refunds of a payment (Stripe charge.refunded, YooKassa
 * refund.succeeded): records only the part of `refundedTotal` not recorded yet — a refund we made
 * ourselves, or one made in the provider's dashboard — with its ledger reversal; never twice.
 */
export async function reconcileProviderRefund(
  database: Database,
  input: ProviderRefundReport,
  clock: Clock,
): Promise<Result<{ recorded: number; orderId: string; workspaceId: string }, 'unknown_payment'>> {
  const found = await database.withSystem('payments: reconcile a provider refund', async (tx) => {
    const [row] = await tx
      .select({ orderId: payments.orderId, workspaceId: payments.workspaceId })
      .from(payments)
      .where(
        and(
          eq(payments.provider, input.provider),
          eq(payments.providerPaymentId, input.providerPaymentId),
          eq(payments.purpose, 'order'),
        ),
      );
    return row;
  });
  if (!found?.orderId) return fail('unknown_payment');
  const orderId = found.orderId;
  const recorded = await database.withScope({ workspaceId: found.workspaceId }, async (tx) => {
    const at = clock.now();
    const actor = `provider:${input.provider}`;
    const held = await heldOrderPayment(tx, orderId, true);
    if (!held) return 0;
    const done = await recordRefund(tx, {
      orderId,
      totalAfter: Math.min(input.refundedTotal, held.amount),
      credited: false,
      refundId: undefined,
      actor,
      at,
    });
    if (done > 0 && held.refundedAmount + done >= held.amount)
      await markOrderRefunded(tx, held, actor, at);
    return done;
  });
  return ok({ recorded, orderId, workspaceId: found.workspaceId });
}
