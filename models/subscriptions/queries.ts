import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { DbOrTx, Tx } from '../db.js';
import { payments } from '../payments/table.js';
import { workspaces } from '../workspaces/table.js';
import { subscriptions } from './table.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type SubscriptionProvider = SubscriptionRow['provider'];

/** The workspace row with its owner (scoped or system tx); undefined when not visible. */
export async function workspaceOf(tx: DbOrTx, workspaceId: string) {
  const rows = await tx
    .select({
      id: workspaces.id,
      ownerAccountId: workspaces.ownerAccountId,
      plan: workspaces.plan,
      planExpiresAt: workspaces.planExpiresAt,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return rows[0];
}

/** The subscription row a payment or an end event is about: by provider id, else the one-off row. */
export async function findSubscription(
  tx: DbOrTx,
  workspaceId: string,
  provider: SubscriptionProvider,
  providerSubscriptionId: string | undefined,
): Promise<SubscriptionRow | undefined> {
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.workspaceId, workspaceId),
        eq(subscriptions.provider, provider),
        providerSubscriptionId === undefined
          ? isNull(subscriptions.providerSubscriptionId)
          : eq(subscriptions.providerSubscriptionId, providerSubscriptionId),
      ),
    )
    .orderBy(desc(subscriptions.createdAt))
    .limit(1);
  return rows[0];
}

/** The workspace's most recent subscription row (what the owner screen shows). */
export async function latestSubscription(
  tx: DbOrTx,
  workspaceId: string,
): Promise<SubscriptionRow | undefined> {
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.workspaceId, workspaceId))
    .orderBy(desc(subscriptions.currentPeriodEnd))
    .limit(1);
  return rows[0];
}

/** The latest Stars charge id of a subscription (editUserStarSubscription needs one). */
export async function latestChargeOf(
  tx: DbOrTx,
  subscriptionId: string,
): Promise<string | undefined> {
  const rows = await tx
    .select({ id: payments.providerPaymentId })
    .from(payments)
    .where(and(eq(payments.subscriptionId, subscriptionId), eq(payments.status, 'succeeded')))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return rows[0]?.id ?? undefined;
}

/** Channels the plan counts (active, paused, in review), oldest first. */
export async function planChannels(tx: DbOrTx, workspaceId: string) {
  return tx
    .select({
      id: channels.id,
      title: channels.title,
      status: channels.status,
      statusReason: channels.statusReason,
      botRights: channels.botRights,
    })
    .from(channels)
    .where(
      and(
        eq(channels.workspaceId, workspaceId),
        inArray(channels.status, ['active', 'paused', 'pending_review']),
      ),
    )
    .orderBy(channels.createdAt, channels.id);
}

/** How many channels are paused by the plan. */
export async function countPlanPaused(tx: DbOrTx, workspaceId: string): Promise<number> {
  const rows = await tx
    .select({ n: count() })
    .from(channels)
    .where(
      and(
        eq(channels.workspaceId, workspaceId),
        eq(channels.status, 'paused'),
        eq(channels.statusReason, 'plan'),
      ),
    );
  return rows[0]?.n ?? 0;
}

/** Locks the workspace row, so extend, end and expiry of one workspace run one at a time. */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('update');
  return workspaceOf(tx, workspaceId);
}
