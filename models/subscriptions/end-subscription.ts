import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { findSubscription, lockWorkspace, type SubscriptionProvider } from './queries.js';
import { subscriptions } from './table.js';

export interface EndSubscriptionInput {
  /** Known from the event (metadata) or looked up by the provider's subscription id. */
  workspaceId?: string;
  provider: SubscriptionProvider;
  providerSubscriptionId: string;
  /** When the provider ended it (event time); the platform clock when omitted. */
  at?: Date;
  /** Who asked: the owner from the bot, or the provider's webhook. */
  actor?: string;
}

export interface EndOutcome {
  kind: 'ended' | 'already_ended' | 'ended_before_paid';
  workspaceId: string;
  /** Pro stays until this time (what was paid is kept). */
  accessUntil: Date | null;
}

/** The workspace of a provider subscription (a read across tenants; changes nothing). */
async function workspaceOfSubscription(
  database: Database,
  provider: SubscriptionProvider,
  providerSubscriptionId: string,
): Promise<string | undefined> {
  const rows = await database.withSystem('subscriptions: find a provider subscription', (tx) =>
    tx
      .select({ workspaceId: subscriptions.workspaceId })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.provider, provider),
          eq(subscriptions.providerSubscriptionId, providerSubscriptionId),
        ),
      )
      .limit(1),
  );
  return rows[0]?.workspaceId;
}

/**
 * The subscription will not renew (owner cancelled, or the provider ended it). Access stays until
 * the paid period's end; idempotent. An end that arrives before the first payment is recorded as
 * an already-ended row, so that payment — arriving late — grants its period but never re-opens it.
 */
export async function endSubscription(
  database: Database,
  input: EndSubscriptionInput,
  clock: Clock,
): Promise<Result<EndOutcome, 'unknown_subscription'>> {
  const workspaceId =
    input.workspaceId ??
    (await workspaceOfSubscription(database, input.provider, input.providerSubscriptionId));
  if (!workspaceId) return fail('unknown_subscription');
  return database.withScope({ workspaceId }, async (tx) => {
    const now = clock.now();
    const at = input.at ?? now;
    const workspace = await lockWorkspace(tx, workspaceId);
    if (!workspace) return fail('unknown_subscription');
    const row = await findSubscription(
      tx,
      workspaceId,
      input.provider,
      input.providerSubscriptionId,
    );
    const audit = (subscriptionId: string, kind: EndOutcome['kind']) =>
      recordAudit(tx, {
        actor: input.actor ?? `system:${input.provider}`,
        action: 'subscription.ended',
        objectType: 'subscription',
        objectId: subscriptionId,
        data: { provider: input.provider, kind, at: at.toISOString() },
        at: now,
        workspaceId,
      });
    if (!row) {
      const inserted = await tx
        .insert(subscriptions)
        .values({
          workspaceId,
          provider: input.provider,
          providerSubscriptionId: input.providerSubscriptionId,
          status: 'cancelled',
          cancelAtPeriodEnd: true,
          currentPeriodStart: new Date(at.getTime() - 1),
          currentPeriodEnd: at,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: subscriptions.id });
      await audit(inserted[0]!.id, 'ended_before_paid');
      return ok({ kind: 'ended_before_paid' as const, workspaceId, accessUntil: null });
    }
    if (row.status === 'cancelled' || row.status === 'expired') {
      return ok({
        kind: 'already_ended' as const,
        workspaceId,
        accessUntil: row.currentPeriodEnd,
      });
    }
    await tx
      .update(subscriptions)
      .set({ status: 'cancelled', cancelAtPeriodEnd: true, updatedAt: now })
      .where(eq(subscriptions.id, row.id));
    await audit(row.id, 'ended');
    return ok({ kind: 'ended' as const, workspaceId, accessUntil: row.currentPeriodEnd });
  });
}
