import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { PauseReason } from '../channels/apply-rights.js';
import { canSell, readBotRights } from '../channels/rights.js';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { channelLimitOf } from '../workspaces/plan-limits.js';
import { planChannels } from './queries.js';

/** The pause reason of channels beyond the Free limit after Pro ended (docs/channels.md). */
export const planPauseReason: PauseReason = 'plan';

export interface PlanChannel {
  id: string;
  title: string;
}

const actor = 'system:subscriptions';

async function setStatus(
  tx: Tx,
  workspaceId: string,
  channelId: string,
  status: 'active' | 'paused',
  reason: string | null,
  at: Date,
) {
  await tx
    .update(channels)
    .set({ status, statusReason: reason, updatedAt: at })
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
}

/**
 * Pauses (never deletes) the channels beyond the Free limit, keeping the oldest ones that can sell;
 * channels the owner paused are left alone. Booked orders stay booked and are published.
 */
export async function pauseBeyondFreeLimit(
  tx: Tx,
  workspaceId: string,
  at: Date,
): Promise<PlanChannel[]> {
  const rows = await planChannels(tx, workspaceId);
  const candidates = rows.filter((c) => !(c.status === 'paused' && c.statusReason === 'owner'));
  const paused: PlanChannel[] = [];
  for (const channel of candidates.slice(channelLimitOf('free'))) {
    if (channel.status === 'paused' && channel.statusReason === planPauseReason) continue;
    await setStatus(tx, workspaceId, channel.id, 'paused', planPauseReason, at);
    await recordAudit(tx, {
      actor,
      action: 'channel.paused',
      objectType: 'channel',
      objectId: channel.id,
      data: { from: channel.status, reason: planPauseReason, previousReason: channel.statusReason },
      at,
      workspaceId,
    });
    paused.push({ id: channel.id, title: channel.title });
  }
  return paused;
}

/**
 * Resumes exactly the channels paused by the plan; one whose bot can no longer post stays paused
 * for its rights instead (so restored rights resume it as usual).
 */
export async function resumePlanPaused(
  tx: Tx,
  workspaceId: string,
  at: Date,
): Promise<PlanChannel[]> {
  const rows = await planChannels(tx, workspaceId);
  const resumed: PlanChannel[] = [];
  for (const channel of rows) {
    if (channel.status !== 'paused' || channel.statusReason !== planPauseReason) continue;
    const sells = canSell(readBotRights(channel.botRights));
    await setStatus(
      tx,
      workspaceId,
      channel.id,
      sells ? 'active' : 'paused',
      sells ? null : 'bot_rights',
      at,
    );
    await recordAudit(tx, {
      actor,
      action: sells ? 'channel.resumed' : 'channel.paused',
      objectType: 'channel',
      objectId: channel.id,
      data: { reason: sells ? planPauseReason : 'bot_rights', previousReason: planPauseReason },
      at,
      workspaceId,
    });
    if (sells) resumed.push({ id: channel.id, title: channel.title });
  }
  return resumed;
}
