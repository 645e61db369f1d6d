import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { appendEvent } from '../outbox/events.js';
import { payments } from '../payments/table.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { workspaces } from '../workspaces/table.js';
import { expireSubscriptionsJob, reminderLeadMs, remindSubscriptionJob } from './jobs.js';
import { resumePlanPaused, type PlanChannel } from './plan-channels.js';
import { latestPeriodEnd, later, stackOneOffPeriod, upsertPeriod } from './periods.js';
import { lockWorkspace, type SubscriptionProvider } from './queries.js';
import { recordSubscriptionPayment } from './record-subscription-payment.js';

export { subscriptionsAccount } from './record-subscription-payment.js';

export interface ExtendSubscriptionInput {
  workspaceId: string;
  provider: SubscriptionProvider;
  /** Stars: the invoice payload; Stripe: sub_…; omitted for one-off periods (YooKassa). */
  providerSubscriptionId?: string;
  periodStart?: Date;
  periodEnd: Date;
  payment: { providerPaymentId: string; amount: number; currency: Currency };
  /** Who paid; the workspace owner when omitted (webhooks). */
  payerAccountId?: string;
}

export interface ExtendOutcome {
  kind: 'extended' | 'duplicate';
  workspaceId: string;
  subscriptionId: string | null;
  /** When Pro ends now (the latest paid period end of the workspace). */
  planExpiresAt: Date | null;
  resumed: PlanChannel[];
}

export type ExtendSubscriptionCode = 'unknown_workspace' | 'invalid_payment';

/**
 * A Pro payment arrived (first or renewal, any provider). Exactly once per (provider, payment id):
 * payment recorded (purpose 'subscription'), ledger `provider:<p>` → `platform:subscriptions`,
 * period extended (never shortened, an ended subscription never re-opened), plan 'pro' until the
 * latest paid end, channels paused by the plan resumed, expiry queued, receipt queued.
 */
export async function extendSubscription(
  database: Database,
  input: ExtendSubscriptionInput,
  clock: Clock,
): Promise<Result<ExtendOutcome, ExtendSubscriptionCode>> {
  const { payment } = input;
  if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0 || !payment.providerPaymentId)
    return fail('invalid_payment');
  const { workspaceId } = input;
  return database.withScope({ workspaceId }, async (tx) => {
    const at = clock.now();
    const workspace = await lockWorkspace(tx, workspaceId);
    if (!workspace) return fail('unknown_workspace');
    const seen = await tx
      .select({ subscriptionId: payments.subscriptionId, status: payments.status })
      .from(payments)
      .where(
        and(
          eq(payments.provider, input.provider),
          eq(payments.providerPaymentId, payment.providerPaymentId),
        ),
      );
    if (seen[0] && seen[0].status !== 'pending') {
      return ok({
        kind: 'duplicate' as const,
        workspaceId,
        subscriptionId: seen[0].subscriptionId,
        planExpiresAt: workspace.planExpiresAt,
        resumed: [],
      });
    }
    const period = stackOneOffPeriod(input, workspace, at);
    const subscriptionId = await upsertPeriod(tx, period, at);
    const payerAccountId = input.payerAccountId ?? workspace.ownerAccountId;
    await recordSubscriptionPayment(tx, period, { subscriptionId, payerAccountId }, at);
    const paidEnd = (await latestPeriodEnd(tx, workspaceId)) ?? period.periodEnd;
    const planExpiresAt =
      workspace.plan === 'pro' && workspace.planExpiresAt
        ? later(workspace.planExpiresAt, paidEnd)
        : paidEnd;
    await tx
      .update(workspaces)
      .set({ plan: 'pro', planExpiresAt })
      .where(eq(workspaces.id, workspaceId));
    const resumed =
      planExpiresAt.getTime() > at.getTime() ? await resumePlanPaused(tx, workspaceId, at) : [];
    await recordAudit(tx, {
      actor: input.payerAccountId ? `account:${input.payerAccountId}` : `system:${input.provider}`,
      action: 'subscription.extended',
      objectType: 'subscription',
      objectId: subscriptionId,
      data: {
        provider: input.provider,
        providerPaymentId: payment.providerPaymentId,
        amount: payment.amount,
        currency: payment.currency,
        periodEnd: period.periodEnd.toISOString(),
        planExpiresAt: planExpiresAt.toISOString(),
        resumed: resumed.map((c) => c.id),
      },
      at,
      workspaceId,
    });
    const schedule = (name: string, data: Record<string, unknown>, when: Date) =>
      enqueueJobInTx(tx, name, data, when);
    await schedule(expireSubscriptionsJob, { workspaceId }, planExpiresAt);
    const remindAt = new Date(planExpiresAt.getTime() - reminderLeadMs);
    if (!input.providerSubscriptionId && remindAt.getTime() > at.getTime()) {
      await schedule(
        remindSubscriptionJob,
        { workspaceId, planExpiresAt: planExpiresAt.toISOString() },
        remindAt,
      );
    }
    await appendEvent(
      tx,
      {
        type: 'subscription.extended',
        workspaceId,
        payerAccountId,
        amount: payment.amount,
        currency: payment.currency,
        provider: input.provider,
        until: planExpiresAt.toISOString(),
        resumedCount: resumed.length,
      },
      at,
    );
    return ok({
      kind: 'extended' as const,
      workspaceId,
      subscriptionId,
      planExpiresAt,
      resumed,
    });
  });
}

export { endSubscription } from './end-subscription.js';
