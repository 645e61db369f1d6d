import type { Database } from '../db.js';
import { channelLimitOf, effectivePlan } from '../workspaces/plan-limits.js';
import type { WorkspacePlan } from '../workspaces/table.js';
import {
  countPlanPaused,
  latestChargeOf,
  latestSubscription,
  planChannels,
  workspaceOf,
} from './queries.js';
import type { SubscriptionProvider } from './queries.js';

export interface PlanView {
  workspaceId: string;
  /** The plan in force now. */
  plan: WorkspacePlan;
  planExpiresAt: Date | null;
  channelsUsed: number;
  channelLimit: number;
  pausedByPlan: number;
  subscription?: {
    id: string;
    provider: SubscriptionProvider;
    providerSubscriptionId: string | null;
    status: 'active' | 'past_due' | 'cancelled' | 'expired';
    /** Renews by itself (Stars or Stripe) and can be cancelled from the bot. */
    renews: boolean;
    /** Stars: the charge id editUserStarSubscription takes. */
    chargeId?: string;
  };
}

/** What the owner's Subscription screen shows for their workspace (scoped read). */
export async function planView(
  database: Database,
  access: { workspaceId: string; accountId: string },
  now: Date,
): Promise<PlanView | undefined> {
  return database.withScope(access, async (tx) => {
    const workspace = await workspaceOf(tx, access.workspaceId);
    if (!workspace) return undefined;
    const plan = effectivePlan(workspace.plan, workspace.planExpiresAt, now);
    const channels = await planChannels(tx, access.workspaceId);
    const latest = await latestSubscription(tx, access.workspaceId);
    const view: PlanView = {
      workspaceId: workspace.id,
      plan,
      planExpiresAt: workspace.planExpiresAt,
      channelsUsed: channels.length,
      channelLimit: channelLimitOf(plan),
      pausedByPlan: await countPlanPaused(tx, access.workspaceId),
    };
    if (latest) {
      const chargeId =
        latest.provider === 'stars' ? await latestChargeOf(tx, latest.id) : undefined;
      view.subscription = {
        id: latest.id,
        provider: latest.provider,
        providerSubscriptionId: latest.providerSubscriptionId,
        status: latest.status,
        renews:
          latest.status === 'active' &&
          latest.providerSubscriptionId !== null &&
          latest.provider !== 'yookassa',
        ...(chargeId ? { chargeId } : {}),
      };
    }
    return view;
  });
}
