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

/** An order's payment by the provider's id (any workspace, so app_system). */
export async function findOrderPayment(
  database: Database,
  input: { provider: PaymentProvider; providerPaymentId: string },
): Promise<{ paymentId: string; orderId: string; workspaceId: string } | undefined> {
  const row = await database.withSystem('payments: find by provider id', async (tx) => {
    const [found] = await tx
      .select({ id: payments.id, orderId: payments.orderId, workspaceId: payments.workspaceId })
      .from(payments)
      .where(
        and(
          eq(payments.provider, input.provider),
          eq(payments.providerPaymentId, input.providerPaymentId),
          eq(payments.purpose, 'order'),
        ),
      );
    return found;
  });
  return row?.orderId
    ? { paymentId: row.id, orderId: row.orderId, workspaceId: row.workspaceId }
    : undefined;
}

/**
 * A provider webhook confirms refunds of a payment (Stripe charge.refunded, YooKassa
 * refund.succeeded): records only the part of `refundedTotal` not recorded yet — a refund we made
 * ourselves, or one made in the provider's dashboard — with its ledger reversal; never twice.
 * Refunds that failed afterwards left the provider's total but stay in ours (as the payer's
 * credit, recordFailedProviderRefund): they are added back before comparing.
 */
export async function reconcileProviderRefund(
  database: Database,
  input: ProviderRefundReport,
  clock: Clock,
): Promise<Result<{ recorded: number; orderId: string; workspaceId: string }, 'unknown_payment'>> {
  const found = await findOrderPayment(database, input);
  if (!found) return fail('unknown_payment');
  const { orderId } = found;
  const recorded = await database.withScope({ workspaceId: found.workspaceId }, async (tx) => {
    const at = clock.now();
    const actor = `provider:${input.provider}`;
    const held = await heldOrderPayment(tx, orderId, true);
    if (!held) return 0;
    const done = await recordRefund(tx, {
      orderId,
      totalAfter: Math.min(input.refundedTotal + held.failedRefundTotal, held.amount),
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
