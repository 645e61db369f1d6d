import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { postEntries } from '../ledger/post-entries.js';
import { advertiserAccount } from '../ledger/accounts.js';
import { failedRefundsOf, pendingRefundsOf } from './queries.js';
import { findOrderPayment } from './reconcile-refund.js';
import { payments, type PaymentProvider } from './table.js';
import { appendEvent } from '../outbox/events.js';

export interface FailedRefundReport {
  provider: PaymentProvider;
  /** The provider's id of the payment (Stripe payment intent, YooKassa payment). */
  providerPaymentId: string;
  /** The provider's id of the refund that failed: each is handled once. */
  refundId: string;
  amount: number;
  /** The provider's reason, for the payer's message and the audit trail. */
  reason: string;
}

/**
 * A refund the provider accepted, and we booked, failed afterwards (Stripe refund.failed: the card
 * was closed, say): the money is back in our provider account. It becomes the payer's credit with
 * us, in one transaction — ledger `provider:<p>` → `advertiser:<account>`, noted on the payment,
 * audited, and the payer told why and where the money is. The payment stays refunded: the order's
 * money is the payer's either way. Once per refund id; never more than was refunded through the
 * provider.
 */
export async function recordFailedProviderRefund(
  database: Database,
  input: FailedRefundReport,
  clock: Clock,
): Promise<Result<{ credited: number; orderId: string }, 'unknown_payment'>> {
  const found = await findOrderPayment(database, input);
  if (!found) return fail('unknown_payment');
  const credited = await database.withScope({ workspaceId: found.workspaceId }, async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, found.paymentId))
      .for('update');
    if (!payment) return 0;
    const failed = failedRefundsOf(payment.details);
    if (failed.ids.includes(input.refundId)) return 0;
    // Only Stars and balance payments are ever refunded as credit: all of this went to the provider.
    const amount = Math.max(0, Math.min(input.amount, payment.refundedAmount - failed.total));
    const at = clock.now();
    const details = {
      failedRefundIds: [...failed.ids, input.refundId],
      failedRefundTotal: failed.total + amount,
      pendingRefunds: pendingRefundsOf(payment.details).filter((r) => r.id !== input.refundId),
    };
    await tx
      .update(payments)
      .set({
        details: sql`${payments.details} || ${JSON.stringify(details)}::jsonb`,
        updatedAt: at,
      })
      .where(eq(payments.id, payment.id));
    if (amount === 0) return 0;
    const base = { currency: payment.currency, workspaceId: payment.workspaceId };
    await postEntries(tx, {
      memo: `order ${found.orderId}: ${input.provider} refund ${input.refundId} failed, credited`,
      lines: [
        { ...base, account: `provider:${input.provider}`, amount },
        { ...base, account: advertiserAccount(payment.accountId), amount: -amount },
      ],
      at,
    });
    await recordAudit(tx, {
      actor: `provider:${input.provider}`,
      action: 'payment.refund_failed',
      objectType: 'payment',
      objectId: payment.id,
      data: {
        orderId: found.orderId,
        refundId: input.refundId,
        amount,
        currency: payment.currency,
        reason: input.reason.slice(0, 200),
        credited: amount,
      },
      at,
      workspaceId: payment.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'payment.refund_failed',
        workspaceId: payment.workspaceId,
        orderId: found.orderId,
        paymentId: payment.id,
        payerAccountId: payment.accountId,
        provider: input.provider,
        amount,
        currency: payment.currency,
        reason: input.reason.slice(0, 100),
      },
      at,
    );
    return amount;
  });
  return ok({ credited, orderId: found.orderId });
}
