import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { slots } from '../slots/table.js';
import type { ChannelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { countSlotsWithHistory, findChannel, nextBookedSlots } from './queries.js';
import { channelChats, channels } from './table.js';

export type RemoveChannelCode = 'not_found' | 'forbidden' | 'has_bookings' | 'has_history';

/**
 * The owner removes a channel: refused while future held/booked/published slots exist. A channel
 * with no sales history is deleted with its free/blocked slots; one with history is refused until
 * soft removal exists (docs/channels.md).
 */
export async function removeChannel(
  database: Database,
  access: ChannelAccess,
  actorAccountId: string,
  now: Date,
): Promise<Result<{ title: string }, RemoveChannelCode>> {
  if (!canPerform(access.role, 'channels.remove')) return fail('forbidden');
  const { workspaceId, channelId } = access;
  return database.withScope({ workspaceId, accountId: actorAccountId }, async (tx) => {
    // Lock the channel row so no booking of it commits while it is being removed.
    await tx.execute(sql`select 1 from ${channels} where ${channels.id} = ${channelId} for update`);
    const channel = await findChannel(tx, workspaceId, channelId);
    if (!channel) return fail('not_found');
    if ((await nextBookedSlots(tx, channelId, now, 1)).length > 0) return fail('has_bookings');
    if ((await countSlotsWithHistory(tx, channelId)) > 0) return fail('has_history');
    // A savepoint: rows elsewhere that still point at the channel (history) abort only this part.
    const deleted = await tx
      .transaction(async (inner) => {
        await inner
          .delete(slots)
          .where(
            and(
              eq(slots.channelId, channelId),
              inArray(slots.status, ['free', 'blocked', 'cancelled']),
            ),
          );
        await inner
          .delete(channels)
          .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
        await inner
          .delete(channelChats)
          .where(
            and(
              eq(channelChats.telegramChatId, channel.telegramChatId),
              eq(channelChats.channelId, channelId),
            ),
          );
        return true;
      })
      .catch((error: unknown) => {
        if (pgCode(error) === '23503') return false;
        throw error;
      });
    if (!deleted) return fail('has_history');
    await recordAudit(tx, {
      actor: `account:${actorAccountId}`,
      action: 'channel.removed',
      objectType: 'channel',
      objectId: channelId,
      data: { telegramChatId: channel.telegramChatId, title: channel.title },
      at: now,
      workspaceId,
    });
    return ok({ title: channel.title });
  });
}

function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
