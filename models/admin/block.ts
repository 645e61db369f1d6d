import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels, type ChannelStatus } from '../channels/table.js';
import { transitionChannel } from '../channels/transition-channel.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { lockChannelForHolds } from '../orders/queries.js';
import { cancelChannelOrders, type BlockedOrder } from './block-orders.js';
import {
  actorOf,
  normalizeBlockReason,
  type AdminActor,
  type BlockCode,
  type UnblockCode,
} from './block-rules.js';
import { closeOpenAdminCard } from './cards.js';

export {
  actorOf,
  blockReasonLimits,
  normalizeBlockReason,
  type AdminActor,
  type BlockCode,
  type UnblockCode,
} from './block-rules.js';

export { blockAccount, unblockAccount } from './block-account.js';
import { appendEvent } from '../outbox/events.js';

export interface ChannelBlocked {
  channelId: string;
  workspaceId: string;
  title: string;
  /** Orders cancelled; those with `paid` must be refunded in full by the caller. */
  orders: BlockedOrder[];
}

/**
 * An admin blocks a channel (one audited system transaction): status blocked with the reason, so
 * it leaves the catalog; its future orders are cancelled (see cancelChannelOrders) and the owner's
 * members are told. Refunding the paid ones is the caller's next step (a provider call).
 */
export async function blockChannel(
  database: Database,
  input: { channelId: string; admin: AdminActor; reason: string },
  clock: Clock,
): Promise<Result<ChannelBlocked, BlockCode>> {
  const reason = normalizeBlockReason(input.reason);
  if (!reason) return fail('reason_invalid');
  return database.withSystem('admin: block a channel', async (tx) => {
    const at = clock.now();
    await lockChannelForHolds(tx, input.channelId);
    const [channel] = await tx
      .select({
        id: channels.id,
        workspaceId: channels.workspaceId,
        title: channels.title,
        status: channels.status,
      })
      .from(channels)
      .where(eq(channels.id, input.channelId))
      .for('update');
    if (!channel) return fail('not_found');
    if (channel.status === 'blocked') return fail('already_blocked');
    const blocked = await transitionChannel(tx, {
      channelId: channel.id,
      from: ['active', 'paused', 'pending_review'],
      to: 'blocked',
      reason,
      at,
    });
    if (!blocked.ok) return fail('already_blocked');
    const actor = actorOf(input.admin);
    const cancelled = await cancelChannelOrders(tx, {
      channelId: channel.id,
      channelTitle: channel.title,
      reason,
      actor,
      admin: input.admin,
      at,
    });
    // A channel still waiting for approval: its card is closed as blocked.
    await closeOpenAdminCard(tx, {
      kind: 'channel',
      objectId: channel.id,
      decision: 'blocked',
      reason,
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'channel.blocked',
      objectType: 'channel',
      objectId: channel.id,
      data: {
        reason,
        from: channel.status,
        admin: input.admin.name,
        cancelledOrders: cancelled.map((o) => o.orderId),
      },
      at,
      workspaceId: channel.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'channel.blocked',
        workspaceId: channel.workspaceId,
        channelId: channel.id,
        title: channel.title,
        reason,
        cancelledOrders: cancelled.length,
      },
      at,
    );
    return ok({
      channelId: channel.id,
      workspaceId: channel.workspaceId,
      title: channel.title,
      orders: cancelled,
    });
  });
}

/**
 * An admin lifts a channel's block: back to active (its free slots were kept, so it sells again at
 * once; the daily horizon job keeps extending them). Audited; the owner's members are told.
 */
export async function unblockChannel(
  database: Database,
  input: { channelId: string; admin: AdminActor; reason?: string },
  clock: Clock,
): Promise<Result<{ channelId: string; title: string; status: ChannelStatus }, UnblockCode>> {
  return database.withSystem('admin: unblock a channel', async (tx) => {
    const at = clock.now();
    const [channel] = await tx
      .select({
        id: channels.id,
        workspaceId: channels.workspaceId,
        title: channels.title,
        status: channels.status,
        statusReason: channels.statusReason,
      })
      .from(channels)
      .where(eq(channels.id, input.channelId))
      .for('update');
    if (!channel) return fail('not_found');
    if (channel.status !== 'blocked') return fail('not_blocked');
    const unblocked = await transitionChannel(tx, {
      channelId: channel.id,
      from: ['blocked'],
      to: 'active',
      reason: null,
      at,
    });
    if (!unblocked.ok) return fail('not_blocked');
    await recordAudit(tx, {
      actor: actorOf(input.admin),
      action: 'channel.unblocked',
      objectType: 'channel',
      objectId: channel.id,
      data: {
        blockedFor: channel.statusReason,
        admin: input.admin.name,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      at,
      workspaceId: channel.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'channel.unblocked',
        workspaceId: channel.workspaceId,
        channelId: channel.id,
        title: channel.title,
        reason: input.reason ?? null,
        cancelledOrders: 0,
      },
      at,
    );
    return ok({ channelId: channel.id, title: channel.title, status: 'active' as const });
  });
}
