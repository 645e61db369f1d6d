import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { ChannelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { findChannel } from './queries.js';
import { transitionChannel } from './transition-channel.js';

export type PauseChannelCode = 'not_found' | 'forbidden' | 'blocked';

/** The owner (or a manager) stops selling a channel; rights coming back will not resume it. */
export async function pauseChannel(
  database: Database,
  access: ChannelAccess,
  actorAccountId: string,
  now: Date,
): Promise<Result<{ changed: boolean }, PauseChannelCode>> {
  if (!canPerform(access.role, 'channels.pause')) return fail('forbidden');
  const { workspaceId, channelId } = access;
  return database.withScope({ workspaceId, accountId: actorAccountId }, async (tx) => {
    const channel = await findChannel(tx, workspaceId, channelId);
    if (!channel) return fail('not_found');
    if (channel.status === 'blocked') return fail('blocked');
    // Waiting for an admin is not on sale already; pausing (then resuming) must not skip approval.
    if (channel.status === 'pending_review') return ok({ changed: false });
    if (channel.status === 'paused' && channel.statusReason === 'owner')
      return ok({ changed: false });
    const moved = await transitionChannel(tx, {
      channelId,
      workspaceId,
      from: ['active', 'paused'],
      to: 'paused',
      reason: 'owner',
      at: now,
    });
    if (!moved.ok && moved.code === 'not_found') return fail('not_found');
    // Read without a lock: an admin's block, the rights or the plan may have moved it since.
    if (!moved.ok)
      return moved.detail?.status === 'blocked' ? fail('blocked') : ok({ changed: false });
    await recordAudit(tx, {
      actor: `account:${actorAccountId}`,
      action: 'channel.paused',
      objectType: 'channel',
      objectId: channelId,
      data: { from: channel.status, reason: channel.statusReason },
      at: now,
      workspaceId,
    });
    return ok({ changed: true });
  });
}
