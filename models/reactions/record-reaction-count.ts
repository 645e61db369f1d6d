import { and, eq, sql } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { events } from '../events/table.js';
import { placements } from '../placements/table.js';
import { tallyReactions, type ReactionCount } from './counts.js';
import { latestReactions, reactionsKind, type ReactionSnapshotData } from './queries.js';

/** A message_reaction_count update as the bot received it. */
export interface ReactionCountUpdate {
  updateId: number;
  telegramChatId: number;
  messageId: number;
  /** Telegram's date of the change (whole seconds). */
  date: Date;
  reactions: readonly ReactionCount[];
}

export type ReactionCountResult =
  | { kind: 'ignored' }
  | { kind: 'duplicate'; placementId: string }
  | { kind: 'recorded'; placementId: string; total: number };

/**
 * Reaction counts of a channel post: when the post is a placement's message, one `reactions`
 * event (value = the message's total, data = counts per key) and placements.reactions = the
 * placement's latest total, in one audited cross-tenant transaction. Idempotent per update: a
 * snapshot with the same update id and date is not recorded again. Any other post ⇒ `ignored`.
 */
export async function recordReactionCount(
  database: Database,
  update: ReactionCountUpdate,
): Promise<ReactionCountResult> {
  return database.withSystem('reaction count', async (tx) => {
    const [placement] = await tx
      .select({
        id: placements.id,
        workspaceId: placements.workspaceId,
        channelId: placements.channelId,
        orderId: placements.orderId,
      })
      .from(placements)
      .innerJoin(channels, eq(channels.id, placements.channelId))
      .where(
        and(
          eq(channels.telegramChatId, update.telegramChatId),
          eq(placements.chatId, update.telegramChatId),
          sql`${placements.messageIds} @> ${JSON.stringify([update.messageId])}::jsonb`,
        ),
      )
      .limit(1);
    if (!placement) return { kind: 'ignored' } as const;
    // The same update handled twice at once (a lease taken over): the second sees the first's row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reactions:${placement.id}`}))`);
    const [seen] = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.placementId, placement.id),
          eq(events.kind, reactionsKind),
          eq(events.occurredAt, update.date),
          sql`${events.data}->>'updateId' = ${String(update.updateId)}`,
          sql`${events.data}->>'messageId' = ${String(update.messageId)}`,
        ),
      )
      .limit(1);
    if (seen) return { kind: 'duplicate', placementId: placement.id } as const;
    const { total, counts } = tallyReactions(update.reactions);
    const data: ReactionSnapshotData = {
      counts,
      messageId: update.messageId,
      updateId: update.updateId,
    };
    await tx.insert(events).values({
      occurredAt: update.date,
      workspaceId: placement.workspaceId,
      kind: reactionsKind,
      channelId: placement.channelId,
      orderId: placement.orderId,
      placementId: placement.id,
      value: total,
      data: { ...data },
    });
    const latest = (await latestReactions(tx, [placement.id])).get(placement.id);
    await tx
      .update(placements)
      .set({ reactions: latest?.total ?? 0 })
      .where(eq(placements.id, placement.id));
    return { kind: 'recorded', placementId: placement.id, total } as const;
  });
}
