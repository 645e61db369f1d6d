import type { WorkspacePlan } from './table.js';

/** Channels a plan allows (DESIGN §5): Free 1, Pro 10. Active, paused and in-review channels count. */
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
