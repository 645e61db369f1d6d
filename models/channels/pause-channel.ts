import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { ChannelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { findChannel } from './queries.js';
import { channels } from './table.js';

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
    await tx
      .update(channels)
      .set({ status: 'paused', statusReason: 'owner', updatedAt: now })
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
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
