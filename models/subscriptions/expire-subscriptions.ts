import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { appendEvent } from '../outbox/events.js';
import { workspaces } from '../workspaces/table.js';
import { pauseBeyondFreeLimit, type PlanChannel } from './plan-channels.js';
import { lockWorkspace } from './queries.js';
import { subscriptions } from './table.js';

export interface ExpiredWorkspace {
  workspaceId: string;
  paused: PlanChannel[];
}

/** Workspaces whose Pro period is over (a read across tenants; changes nothing). */
async function endedProWorkspaces(
  database: Database,
  now: Date,
  only: string | undefined,
  limit: number,
): Promise<string[]> {
  const rows = await database.withSystem('subscriptions: find ended Pro periods', (tx) =>
    tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(
        and(
          eq(workspaces.plan, 'pro'),
          isNotNull(workspaces.planExpiresAt),
          lte(workspaces.planExpiresAt, now),
          ...(only ? [eq(workspaces.id, only)] : []),
        ),
      )
      .limit(limit),
  );
  return rows.map((r) => r.id);
}

/**
 * `subscriptions.expire`: every workspace whose paid Pro period is over (and not renewed) goes
 * back to Free; channels beyond the Free limit are paused (status_reason 'plan', the oldest kept,
 * nothing deleted, booked orders kept) and the owner is told. Each workspace in its own scoped
 * transaction under its row lock, so a renewal racing the expiry is never lost.
 */
export async function expireSubscriptions(
  database: Database,
  clock: Clock,
  options: { workspaceId?: string; batchSize?: number } = {},
): Promise<ExpiredWorkspace[]> {
  const now = clock.now();
  const ids = await endedProWorkspaces(
    database,
    now,
    options.workspaceId,
    options.batchSize ?? 200,
  );
  const expired: ExpiredWorkspace[] = [];
  for (const workspaceId of ids) {
    const done = await database.withScope({ workspaceId }, async (tx) => {
      const at = clock.now();
      const workspace = await lockWorkspace(tx, workspaceId);
      if (!workspace || workspace.plan !== 'pro' || !workspace.planExpiresAt) return undefined;
      if (workspace.planExpiresAt.getTime() > at.getTime()) return undefined;
      await tx.update(workspaces).set({ plan: 'free' }).where(eq(workspaces.id, workspaceId));
      await tx
        .update(subscriptions)
        .set({ status: 'expired', updatedAt: at })
        .where(
          and(
            eq(subscriptions.workspaceId, workspaceId),
            inArray(subscriptions.status, ['active', 'past_due', 'cancelled']),
            lte(subscriptions.currentPeriodEnd, at),
          ),
        );
      const paused = await pauseBeyondFreeLimit(tx, workspaceId, at);
      await recordAudit(tx, {
        actor: 'system:subscriptions',
        action: 'subscription.expired',
        objectType: 'workspace',
        objectId: workspaceId,
        data: {
          planExpiresAt: workspace.planExpiresAt.toISOString(),
          paused: paused.map((c) => c.id),
        },
        at,
        workspaceId,
      });
      await appendEvent(
        tx,
        {
          type: 'subscription.expired',
          workspaceId,
          ownerAccountId: workspace.ownerAccountId,
          pausedTitles: paused.map((c) => c.title),
        },
        at,
      );
      return { workspaceId, paused };
    });
    if (done) expired.push(done);
  }
  return expired;
}

/**
 * `subscriptions.remind`: 3 days before a one-off period ends, the owner is reminded to pay again —
 * only if Pro still ends at that time (a renewal in between cancels the reminder).
 */
export async function remindSubscriptionEnding(
  database: Database,
  input: { workspaceId: string; planExpiresAt: Date },
  clock: Clock,
): Promise<boolean> {
  return database.withScope({ workspaceId: input.workspaceId }, async (tx) => {
    const workspace = await lockWorkspace(tx, input.workspaceId);
    if (!workspace || workspace.plan !== 'pro' || !workspace.planExpiresAt) return false;
    if (workspace.planExpiresAt.getTime() !== input.planExpiresAt.getTime()) return false;
    if (workspace.planExpiresAt.getTime() <= clock.now().getTime()) return false;
    await appendEvent(
      tx,
      {
        type: 'subscription.ending_soon',
        workspaceId: input.workspaceId,
        ownerAccountId: workspace.ownerAccountId,
        until: workspace.planExpiresAt.toISOString(),
      },
      clock.now(),
    );
    return true;
  });
}
