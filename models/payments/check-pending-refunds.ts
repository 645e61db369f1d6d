import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import type { YooKassaGateway } from '../providers/yookassa.js';
import { pendingRefundsOf, type PendingRefund } from './queries.js';
import { recordFailedProviderRefund } from './refund-failed.js';
import { payments } from './table.js';

/** How many payments one run looks at (the oldest news first). */
const batch = 50;

interface Waiting {
  paymentId: string;
  workspaceId: string;
  providerPaymentId: string;
  refunds: PendingRefund[];
}

export interface PendingRefundsReport {
  succeeded: number;
  /** Canceled by the provider: credited to the payer instead (recordFailedProviderRefund). */
  credited: number;
  pending: number;
  unreachable: number;
}

/** YooKassa payments with a refund still pending there (any workspace, so app_system). */
async function waitingPayments(database: Database): Promise<Waiting[]> {
  const rows = await database.withSystem('payments: refunds pending at the provider', (tx) =>
    tx
      .select({
        id: payments.id,
        workspaceId: payments.workspaceId,
        providerPaymentId: payments.providerPaymentId,
        details: payments.details,
      })
      .from(payments)
      .where(
        and(
          eq(payments.provider, 'yookassa'),
          sql`jsonb_array_length(coalesce(${payments.details}->'pendingRefunds', '[]'::jsonb)) > 0`,
        ),
      )
      .orderBy(payments.updatedAt)
      .limit(batch),
  );
  return rows.flatMap((r) =>
    r.providerPaymentId
      ? [
          {
            paymentId: r.id,
            workspaceId: r.workspaceId,
            providerPaymentId: r.providerPaymentId,
            refunds: pendingRefundsOf(r.details),
          },
        ]
      : [],
  );
}

/** The refund went through: it is no longer pending (it was booked when it was made). */
async function forgetPendingRefund(database: Database, waiting: Waiting, refundId: string) {
  await database.withScope({ workspaceId: waiting.workspaceId }, async (tx) => {
    const [row] = await tx
      .select({ details: payments.details })
      .from(payments)
      .where(eq(payments.id, waiting.paymentId))
      .for('update');
    if (!row) return;
    const left = pendingRefundsOf(row.details).filter((r) => r.id !== refundId);
    await tx
      .update(payments)
      .set({
        details: sql`${payments.details} || ${JSON.stringify({ pendingRefunds: left })}::jsonb`,
      })
      .where(eq(payments.id, waiting.paymentId));
  });
}

/**
 * Asks YooKassa about every refund it accepted as 'pending' (it sends no notification when one is
 * canceled): succeeded ⇒ no longer pending; canceled ⇒ the amount becomes the payer's credit with
 * us, and they are told (recordFailedProviderRefund); still pending or unreachable ⇒ next run.
 */
export async function checkPendingRefunds(
  database: Database,
  yookassa: Pick<YooKassaGateway, 'getRefund'>,
  clock: Clock,
): Promise<PendingRefundsReport> {
  const report: PendingRefundsReport = { succeeded: 0, credited: 0, pending: 0, unreachable: 0 };
  for (const waiting of await waitingPayments(database)) {
    for (const pending of waiting.refunds) {
      const refund = await yookassa.getRefund(pending.id).catch(() => undefined);
      if (!refund) {
        report.unreachable += 1;
      } else if (refund.status === 'succeeded') {
        await forgetPendingRefund(database, waiting, pending.id);
        report.succeeded += 1;
      } else if (refund.status === 'canceled') {
        const failed = await recordFailedProviderRefund(
          database,
          {
            provider: 'yookassa',
            providerPaymentId: waiting.providerPaymentId,
            refundId: pending.id,
            amount: pending.amount,
            reason: refund.cancellationReason ?? 'canceled',
          },
          clock,
        );
        if (failed.ok && failed.value.credited > 0) report.credited += 1;
      } else {
        report.pending += 1;
      }
    }
  }
  return report;
}
