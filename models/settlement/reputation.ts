import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import type { Violation } from './pro-rata.js';

export interface ReputationDelta {
  published: number;
  onTime: number;
  late: number;
  earlyDeletions: number;
  violations: number;
}

/**
 * A 'late' record the channel answers for: caused by the channel (delayCause in
 * models/placements/publish.ts), or recorded before causes were (counted as before). A delay the
 * platform caused is kept in the placement's report but the post counts as on time here.
 */
function lateByChannel(v: Violation): boolean {
  return v.kind === 'late' && v.detail?.cause !== 'platform';
}

/** What one finished placement adds to its channel's delivery reputation. */
export function reputationDelta(p: {
  publishedAt: Date | null;
  violations: Violation[];
}): ReputationDelta {
  const published = p.publishedAt ? 1 : 0;
  const late = published && p.violations.some(lateByChannel) ? 1 : 0;
  return {
    published,
    onTime: published - late,
    late,
    earlyDeletions: p.violations.some((v) => v.kind === 'early_deletion') ? 1 : 0,
    violations: p.violations.filter((v) => v.kind !== 'late').length,
  };
}

/** Adds a placement's delta to the channel's counters once (audit row `placement.settled` marks it). */
export async function countReputation(
  tx: Tx,
  input: {
    workspaceId: string;
    channelId: string;
    placementId: string;
    delta: ReputationDelta;
    at: Date;
  },
): Promise<void> {
  const d = input.delta;
  await tx
    .update(channels)
    .set({
      publishedCount: sql`${channels.publishedCount} + ${d.published}`,
      onTimeCount: sql`${channels.onTimeCount} + ${d.onTime}`,
      lateCount: sql`${channels.lateCount} + ${d.late}`,
      earlyDeletionCount: sql`${channels.earlyDeletionCount} + ${d.earlyDeletions}`,
      violationCount: sql`${channels.violationCount} + ${d.violations}`,
      updatedAt: input.at,
    })
    .where(eq(channels.id, input.channelId));
  await recordAudit(tx, {
    actor: 'system:settlement',
    action: 'placement.settled',
    objectType: 'placement',
    objectId: input.placementId,
    data: { ...d },
    at: input.at,
    workspaceId: input.workspaceId,
  });
}
