import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { saltedHash } from '../clicks/record-click.js';
import type { Database } from '../db.js';
import { events } from '../events/table.js';
import { placements } from '../placements/table.js';
import { inviteJoins } from './table.js';

export const joinKind = 'join';
export const leaveKind = 'leave';

/** A chat_member update as the bot received it (statuses of Telegram's ChatMember). */
export interface ChatMemberChange {
  telegramChatId: number;
  userId: number;
  date: Date;
  oldStatus: string;
  oldIsMember?: boolean;
  newStatus: string;
  newIsMember?: boolean;
  /** The invite link the person joined through, as Telegram shows it. */
  inviteLink?: string;
}

export type ChatMemberResult =
  | { kind: 'ignored' }
  | { kind: 'joined'; placementId: string }
  | { kind: 'duplicate'; placementId: string }
  | { kind: 'left'; placementIds: string[] };

/** In the chat: creator, administrator, member, or restricted while still a member. */
function present(status: string, isMember: boolean | undefined): boolean {
  if (status === 'restricted') return isMember === true;
  return status === 'creator' || status === 'administrator' || status === 'member';
}

/**
 * A person's membership change in a chat an ad promotes. Joined through a placement's invite link
 * ⇒ one join for that placement (once per person: a second join through it changes nothing), a
 * `join` event and placements.joins + 1. Left ⇒ each of their joins in that chat not yet left gets
 * its left_at, a `leave` event (value = seconds since the join) and placements.leaves + 1.
 * Anything else (a join without our link, a change of rights) ⇒ `ignored`. One audited
 * cross-tenant transaction; the person is kept as a salted hash only.
 */
export async function recordChatMember(
  database: Database,
  change: ChatMemberChange,
): Promise<ChatMemberResult> {
  const was = present(change.oldStatus, change.oldIsMember);
  const is = present(change.newStatus, change.newIsMember);
  if (was === is) return { kind: 'ignored' };
  if (is && !change.inviteLink) return { kind: 'ignored' };
  return database.withSystem('chat member', async (tx) => {
    const member = await saltedHash(tx, `telegram:${change.userId}`);
    // The same update twice at once (a lease taken over): the second waits and finds the first's.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`member:${change.telegramChatId}:${member}`}))`,
    );
    if (is) {
      const [placement] = await tx
        .select({
          id: placements.id,
          workspaceId: placements.workspaceId,
          channelId: placements.channelId,
          orderId: placements.orderId,
        })
        .from(placements)
        .where(
          and(
            eq(placements.inviteChatId, change.telegramChatId),
            eq(placements.inviteLink, change.inviteLink!),
          ),
        )
        .limit(1);
      if (!placement) return { kind: 'ignored' } as const;
      const [joined] = await tx
        .insert(inviteJoins)
        .values({
          placementId: placement.id,
          workspaceId: placement.workspaceId,
          chatId: change.telegramChatId,
          member,
          joinedAt: change.date,
        })
        .onConflictDoNothing()
        .returning({ id: inviteJoins.id });
      if (!joined) return { kind: 'duplicate', placementId: placement.id } as const;
      await tx.insert(events).values({
        occurredAt: change.date,
        workspaceId: placement.workspaceId,
        kind: joinKind,
        channelId: placement.channelId,
        orderId: placement.orderId,
        placementId: placement.id,
        data: { member, chatId: change.telegramChatId },
      });
      await tx
        .update(placements)
        .set({ joins: sql`${placements.joins} + 1` })
        .where(eq(placements.id, placement.id));
      return { kind: 'joined', placementId: placement.id } as const;
    }
    const left = await tx
      .update(inviteJoins)
      .set({ leftAt: change.date })
      .where(
        and(
          eq(inviteJoins.chatId, change.telegramChatId),
          eq(inviteJoins.member, member),
          isNull(inviteJoins.leftAt),
          lte(inviteJoins.joinedAt, change.date),
        ),
      )
      .returning({
        placementId: inviteJoins.placementId,
        workspaceId: inviteJoins.workspaceId,
        joinedAt: inviteJoins.joinedAt,
      });
    for (const row of left) {
      const [placement] = await tx
        .update(placements)
        .set({ leaves: sql`${placements.leaves} + 1` })
        .where(eq(placements.id, row.placementId))
        .returning({ channelId: placements.channelId, orderId: placements.orderId });
      await tx.insert(events).values({
        occurredAt: change.date,
        workspaceId: row.workspaceId,
        kind: leaveKind,
        channelId: placement?.channelId ?? null,
        orderId: placement?.orderId ?? null,
        placementId: row.placementId,
        value: Math.max(0, Math.round((change.date.getTime() - row.joinedAt.getTime()) / 1000)),
        data: { member, chatId: change.telegramChatId },
      });
    }
    if (left.length === 0) return { kind: 'ignored' } as const;
    return { kind: 'left', placementIds: left.map((row) => row.placementId) } as const;
  });
}
