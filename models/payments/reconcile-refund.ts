import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { applyExternalRefund, type ExternalRefundOutcome } from './external-refund.js';
import { heldOrderPayment } from './queries.js';
import { markOrderRefunded, recordRefund, refundableOf } from './record-refund.js';
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
 * refund.succeeded): records only the part of `refundedTotal` not recorded yet, with its ledger
 * reversal; never twice. Refunds that failed afterwards left the provider's total but stay in ours
 * (as the payer's credit, recordFailedProviderRefund): they are added back before comparing.
 * A total our own refund in flight accounts for (refund-intent.ts) is ours: recorded, nothing more.
 * Anything beyond it was made outside the app (dashboard, cabinet), and applyExternalRefund
 * settles the order's fate in the same transaction: one effect, whatever the delivery order.
 */
export async function reconcileProviderRefund(
  database: Database,
  input: ProviderRefundReport,
  clock: Clock,
): Promise<
  Result<
    {
      recorded: number;
      orderId: string;
      workspaceId: string;
      /** Set when the recorded part was a refund made outside the app. */
      external: ExternalRefundOutcome | undefined;
    },
    'unknown_payment'
  >
> {
  const found = await findOrderPayment(database, input);
  if (!found) return fail('unknown_payment');
  const { orderId, paymentId } = found;
  const done = await database.withScope({ workspaceId: found.workspaceId }, async (tx) => {
    const at = clock.now();
    const actor = `provider:${input.provider}`;
    const held = await heldOrderPayment(tx, orderId, true, paymentId);
    if (!held) return { recorded: 0, external: undefined };
    const reported = Math.min(input.refundedTotal + held.failedRefundTotal, held.amount);
    const recorded = await recordRefund(tx, {
      orderId,
      paymentId,
      totalAfter: reported,
      credited: false,
      refundId: undefined,
      actor,
      at,
    });
    if (recorded <= 0) return { recorded: 0, external: undefined };
    const ours = held.refundIntentTotal !== undefined && reported <= held.refundIntentTotal;
    if (ours || held.orphan) {
      if (held.refundedAmount + recorded >= held.amount)
        await markOrderRefunded(tx, held, actor, at);
      return { recorded, external: undefined };
    }
    const full = refundableOf(held) - recorded <= 0;
    const external = await applyExternalRefund(tx, { held, amount: recorded, full, actor, at });
    return { recorded, external };
  });
  return ok({ ...done, orderId, workspaceId: found.workspaceId });
}
