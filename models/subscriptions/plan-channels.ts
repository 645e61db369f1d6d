import { recordAudit } from '../audit/record-audit.js';
import type { PauseReason } from '../channels/apply-rights.js';
import { canSell, readBotRights } from '../channels/rights.js';
import { transitionChannel } from '../channels/transition-channel.js';
import type { Tx } from '../db.js';
import { channelLimitOf, effectivePlan } from '../workspaces/plan-limits.js';
import { planChannels, workspaceOf } from './queries.js';

/** The pause reason of channels beyond the Free limit after Pro ended (docs/channels.md). */
export const planPauseReason: PauseReason = 'plan';

export interface PlanChannel {
  id: string;
  title: string;
}

const actor = 'system:subscriptions';

/**
 * Whether one more selling channel would exceed the workspace's plan in force (a channel approved
 * after Pro ended, say): the channels that run — active, or paused by their owner or for rights —
 * already fill it. Channels paused by the plan or waiting for review do not count here.
 */
export async function planIsFull(
  tx: Tx,
  workspaceId: string,
  exceptChannelId: string,
  at: Date,
): Promise<boolean> {
  const workspace = await workspaceOf(tx, workspaceId);
  if (!workspace) return false;
  const limit = channelLimitOf(effectivePlan(workspace.plan, workspace.planExpiresAt, at));
  const running = (await planChannels(tx, workspaceId)).filter(
    (c) =>
      c.id !== exceptChannelId &&
      (c.status === 'active' || (c.status === 'paused' && c.statusReason !== planPauseReason)),
  );
  return running.length >= limit;
}

/**
 * Pauses (never deletes) the channels beyond the Free limit, keeping the oldest; channels the owner
 * paused are left alone, and so are channels waiting for review (approval checks the plan then, so
 * a renewal never lists a channel no moderator saw). Booked orders stay booked and are published.
 */
export async function pauseBeyondFreeLimit(
  tx: Tx,
  workspaceId: string,
  at: Date,
): Promise<PlanChannel[]> {
  const rows = await planChannels(tx, workspaceId);
  const candidates = rows.filter(
    (c) => c.status !== 'pending_review' && !(c.status === 'paused' && c.statusReason === 'owner'),
  );
  const paused: PlanChannel[] = [];
  for (const channel of candidates.slice(channelLimitOf('free'))) {
    if (channel.status === 'paused' && channel.statusReason === planPauseReason) continue;
    const moved = await transitionChannel(tx, {
      channelId: channel.id,
      workspaceId,
      from: ['active', 'paused'],
      to: 'paused',
      reason: planPauseReason,
      at,
    });
    if (!moved.ok) continue;
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
    const moved = await transitionChannel(tx, {
      channelId: channel.id,
      workspaceId,
      from: ['paused'],
      to: sells ? 'active' : 'paused',
      reason: sells ? null : 'bot_rights',
      at,
    });
    if (!moved.ok) continue;
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
