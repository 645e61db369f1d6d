import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { workspaces, type WorkspacePlan } from './table.js';

/** Channels a plan allows (docs/subscription.md): Free 1, Pro 10. Active, paused and in-review channels count. */
export const channelLimits: Record<WorkspacePlan, number> = { free: 1, pro: 10 };

/** The plan in force: Pro whose paid period has ended counts as Free. */
export function effectivePlan(
  plan: WorkspacePlan,
  planExpiresAt: Date | null,
  now: Date,
): WorkspacePlan {
  if (plan === 'pro' && planExpiresAt !== null && planExpiresAt.getTime() <= now.getTime())
    return 'free';
  return plan;
}

/** How many channels the plan allows. */
export function channelLimitOf(plan: WorkspacePlan): number {
  return channelLimits[plan];
}

/** What a plan unlocks, built features only (the /plan screen lists them). */
export const planCapabilities = ['channels', 'api_keys', 'ab_tests', 'csv_exports'] as const;
export type PlanCapability = (typeof planCapabilities)[number];

/**
 * Whether a plan allows a capability. 'channels' asks whether the plan may have more than the
 * Free limit of channels (use channelLimitOf for the number); 'api_keys': workspace API keys (Pro);
 * 'ab_tests': ads with more than one variant, the winner taking the remaining posts (Pro);
 * 'csv_exports': the owner dashboard's CSV files (Pro).
 */
export function planAllows(plan: WorkspacePlan, capability: PlanCapability): boolean {
  switch (capability) {
    case 'channels':
      return channelLimitOf(plan) > channelLimits.free;
    case 'api_keys':
    case 'ab_tests':
    case 'csv_exports':
      return plan === 'pro';
  }
}

/** The plan in force for a workspace (scoped tx), Free when the row is not visible. */
export async function workspaceEffectivePlan(
  tx: DbOrTx,
  workspaceId: string,
  now: Date,
): Promise<WorkspacePlan> {
  const rows = await tx
    .select({ plan: workspaces.plan, planExpiresAt: workspaces.planExpiresAt })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  const row = rows[0];
  return row ? effectivePlan(row.plan, row.planExpiresAt, now) : 'free';
}

/** Query helper for feature gates: does the workspace's plan in force allow the capability? */
export async function workspaceAllows(
  tx: DbOrTx,
  workspaceId: string,
  capability: PlanCapability,
  now: Date,
): Promise<boolean> {
  return planAllows(await workspaceEffectivePlan(tx, workspaceId, now), capability);
}

/**
 * Whether the account's own workspace (the one it owns: an advertiser subscribes to Pro there too)
 * has a plan in force that allows the capability; false without one. Needs the account in scope.
 */
export async function ownWorkspaceAllows(
  tx: DbOrTx,
  accountId: string,
  capability: PlanCapability,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .select({ plan: workspaces.plan, planExpiresAt: workspaces.planExpiresAt })
    .from(workspaces)
    .where(eq(workspaces.ownerAccountId, accountId))
    .limit(1);
  const row = rows[0];
  return row ? planAllows(effectivePlan(row.plan, row.planExpiresAt, now), capability) : false;
}
