import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import type { DbOrTx } from '../db.js';
import { slots } from '../slots/table.js';
import { workspaceMembers, workspaces, type MemberRole } from '../workspaces/table.js';
import { channels, type ChannelStatus } from './table.js';

/** The columns of a channel the bot edge shows. */
export interface ChannelRow {
  id: string;
  workspaceId: string;
  telegramChatId: number;
  title: string;
  username: string | null;
  subscribers: number;
  status: ChannelStatus;
  statusReason: string | null;
  settings: Record<string, unknown>;
  botRights: Record<string, unknown>;
  rightsCheckedAt: Date | null;
  shareCode: string;
}

export const channelColumns = {
  id: channels.id,
  workspaceId: channels.workspaceId,
  telegramChatId: channels.telegramChatId,
  title: channels.title,
  username: channels.username,
  subscribers: channels.subscribers,
  status: channels.status,
  statusReason: channels.statusReason,
  settings: channels.settings,
  botRights: channels.botRights,
  rightsCheckedAt: channels.rightsCheckedAt,
  shareCode: channels.shareCode,
};

/** Slot statuses that mean an advertiser holds or has bought the time. */
export const bookedSlotStatuses = ['held', 'booked', 'published'] as const;

/** One channel of the scoped workspace, or undefined (RLS hides other workspaces' rows). */
export async function findChannel(
  tx: DbOrTx,
  workspaceId: string,
  channelId: string,
): Promise<ChannelRow | undefined> {
  const rows = await tx
    .select(channelColumns)
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)))
    .limit(1);
  return rows[0];
}

/** The scoped workspace's channels, oldest first. */
export async function listWorkspaceChannels(
  tx: DbOrTx,
  workspaceId: string,
): Promise<ChannelRow[]> {
  return tx
    .select(channelColumns)
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(asc(channels.createdAt));
}

/** Channels that count against the plan limit (every status but blocked). */
export async function countPlanChannels(tx: DbOrTx, workspaceId: string): Promise<number> {
  const rows = await tx
    .select({ n: count() })
    .from(channels)
    .where(
      and(
        eq(channels.workspaceId, workspaceId),
        inArray(channels.status, ['active', 'paused', 'pending_review']),
      ),
    );
  return rows[0]?.n ?? 0;
}

/** The workspace's plan and its expiry (scoped). */
export async function workspacePlanOf(tx: DbOrTx, workspaceId: string) {
  const rows = await tx
    .select({ plan: workspaces.plan, planExpiresAt: workspaces.planExpiresAt })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return rows[0];
}

/** The next held/booked/published slots of a channel from `now`, earliest first. */
export async function nextBookedSlots(
  tx: DbOrTx,
  channelId: string,
  now: Date,
  limit: number,
): Promise<{ startsAt: Date; status: string }[]> {
  return tx
    .select({ startsAt: slots.startsAt, status: slots.status })
    .from(slots)
    .where(
      and(
        eq(slots.channelId, channelId),
        gte(slots.startsAt, now),
        inArray(slots.status, [...bookedSlotStatuses]),
      ),
    )
    .orderBy(asc(slots.startsAt))
    .limit(limit);
}

/** Paid slots of a channel starting at or after `since` (not posted yet), earliest first. */
export async function paidSlotsSince(
  tx: DbOrTx,
  channelId: string,
  since: Date,
  limit: number,
): Promise<{ startsAt: Date; orderId: string | null }[]> {
  return tx
    .select({ startsAt: slots.startsAt, orderId: slots.orderId })
    .from(slots)
    .where(
      and(eq(slots.channelId, channelId), gte(slots.startsAt, since), eq(slots.status, 'booked')),
    )
    .orderBy(asc(slots.startsAt))
    .limit(limit);
}

/** Slots of a channel that are neither free nor blocked by the owner (any time): its history. */
export async function countSlotsWithHistory(tx: DbOrTx, channelId: string): Promise<number> {
  const rows = await tx
    .select({ n: count() })
    .from(slots)
    .where(
      and(
        eq(slots.channelId, channelId),
        sql`${slots.status} not in ('free', 'blocked', 'cancelled')`,
      ),
    );
  return rows[0]?.n ?? 0;
}

/** Who hears about a workspace's channels: every member, with their language. */
export async function workspaceRecipients(
  tx: DbOrTx,
  workspaceId: string,
): Promise<{ telegramId: number; language: string; role: MemberRole }[]> {
  return tx
    .select({
      telegramId: accounts.telegramId,
      language: accounts.language,
      role: workspaceMembers.role,
    })
    .from(workspaceMembers)
    .innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.createdAt));
}
