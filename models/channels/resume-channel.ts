import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { ChannelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { findChannel } from './queries.js';
import { canSell, readBotRights } from './rights.js';
import { transitionChannel } from './transition-channel.js';

export type ResumeChannelCode = 'not_found' | 'forbidden' | 'blocked' | 'rights_missing' | 'plan';

/** The owner (or a manager) resumes selling; refused while the bot may not post or the plan holds it. */
export async function resumeChannel(
  database: Database,
  access: ChannelAccess,
  actorAccountId: string,
  now: Date,
): Promise<Result<{ changed: boolean }, ResumeChannelCode>> {
  if (!canPerform(access.role, 'channels.pause')) return fail('forbidden');
  const { workspaceId, channelId } = access;
  return database.withScope({ workspaceId, accountId: actorAccountId }, async (tx) => {
    const channel = await findChannel(tx, workspaceId, channelId);
    if (!channel) return fail('not_found');
    if (channel.status === 'blocked') return fail('blocked');
    if (channel.status !== 'paused') return ok({ changed: false });
    if (channel.statusReason === 'plan') return fail('plan');
    if (!canSell(readBotRights(channel.botRights))) return fail('rights_missing');
    const moved = await transitionChannel(tx, {
      channelId,
      workspaceId,
      from: ['paused'],
      to: 'active',
      reason: null,
      at: now,
    });
    if (!moved.ok && moved.code === 'not_found') return fail('not_found');
    // Read without a lock: an admin's block, the rights or the plan may have moved it since.
    if (!moved.ok)
      return moved.detail?.status === 'blocked' ? fail('blocked') : ok({ changed: false });
    await recordAudit(tx, {
      actor: `account:${actorAccountId}`,
      action: 'channel.resumed',
      objectType: 'channel',
      objectId: channelId,
      data: { reason: channel.statusReason },
      at: now,
      workspaceId,
    });
    return ok({ changed: true });
  });
}
