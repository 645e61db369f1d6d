import { and, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../db.js';
import type { ExtendSubscriptionInput } from './activate-subscription.js';
import { proPeriodMs } from './pricing.js';
import { findSubscription } from './queries.js';
import { subscriptions } from './table.js';

/** The later of two times. */
export const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** Extends (never shortens) the subscription row a payment is for, or starts one; its id. */
export async function upsertPeriod(
  tx: Tx,
  input: ExtendSubscriptionInput,
  at: Date,
): Promise<string> {
  const start = input.periodStart ?? new Date(input.periodEnd.getTime() - proPeriodMs);
  const row = await findSubscription(
    tx,
    input.workspaceId,
    input.provider,
    input.providerSubscriptionId,
  );
  if (!row) {
    const inserted = await tx
      .insert(subscriptions)
      .values({
        workspaceId: input.workspaceId,
        provider: input.provider,
        providerSubscriptionId: input.providerSubscriptionId ?? null,
        status: 'active',
        currentPeriodStart: start,
        currentPeriodEnd: input.periodEnd,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: subscriptions.id });
    return inserted[0]!.id;
  }
  const extends_ = input.periodEnd.getTime() > row.currentPeriodEnd.getTime();
  await tx
    .update(subscriptions)
    .set({
      // A renewal never re-opens a subscription that was ended (an older event arriving late).
      status: row.status === 'cancelled' ? 'cancelled' : 'active',
      currentPeriodStart: extends_ ? start : row.currentPeriodStart,
      currentPeriodEnd: later(row.currentPeriodEnd, input.periodEnd),
      updatedAt: at,
    })
    .where(eq(subscriptions.id, row.id));
  return row.id;
}

/**
 * A one-off period (no provider subscription: YooKassa, paid again by hand) paid while Pro still
 * runs starts when the current paid time ends, so paying early never loses days.
 */
export function stackOneOffPeriod(
  input: ExtendSubscriptionInput,
  workspace: { plan: string; planExpiresAt: Date | null },
  at: Date,
): ExtendSubscriptionInput {
  const start = input.periodStart ?? at;
  const runsUntil = workspace.plan === 'pro' ? workspace.planExpiresAt : null;
  if (input.providerSubscriptionId || !runsUntil || runsUntil.getTime() <= start.getTime())
    return input;
  const shift = runsUntil.getTime() - start.getTime();
  return {
    ...input,
    periodStart: runsUntil,
    periodEnd: new Date(input.periodEnd.getTime() + shift),
  };
}

/** The latest paid period end over all of the workspace's subscriptions. */
export async function latestPeriodEnd(tx: Tx, workspaceId: string): Promise<Date | null> {
  const rows = await tx
    .select({ end: max(subscriptions.currentPeriodEnd) })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.workspaceId, workspaceId),
        inArray(subscriptions.status, ['active', 'past_due', 'cancelled', 'expired']),
      ),
    );
  const end = rows[0]?.end;
  return end ? new Date(end) : null;
}
