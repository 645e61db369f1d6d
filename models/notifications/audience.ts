import { eq } from 'drizzle-orm';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { placements } from '../placements/table.js';
import { workspaceMembers } from '../workspaces/table.js';

export interface PlacementAudience {
  placementId: string;
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  /** Owner and managers of the channel's workspace. */
  memberAccountIds: string[];
  channelTitle: string;
  /** t.me link to the post, when it was published. */
  postUrl: string | undefined;
  publishedAt: Date | null;
  clicks: number;
  /** The post's latest reaction total. */
  reactions: number;
}

/** A public link to a channel post: t.me/<username>/<id>, or t.me/c/<internal id>/<id> for private channels. */
export function postLink(
  channel: { username: string | null; telegramChatId: number },
  messageId: number | undefined,
): string | undefined {
  if (messageId === undefined) return undefined;
  if (channel.username) return `https://t.me/${channel.username}/${messageId}`;
  const internal = String(-channel.telegramChatId).replace(/^100/, '');
  return `https://t.me/c/${internal}/${messageId}`;
}

/**
 * Who hears about a placement (advertiser, workspace members) and what to show them, read in the
 * caller's system transaction (an outbox consumer's).
 */
export async function readPlacementAudience(
  tx: Tx,
  placementId: string,
): Promise<PlacementAudience | undefined> {
  const [row] = await tx
    .select({
      orderId: placements.orderId,
      workspaceId: placements.workspaceId,
      advertiserAccountId: placements.advertiserAccountId,
      publishedAt: placements.publishedAt,
      messageIds: placements.messageIds,
      clicks: placements.clicks,
      reactions: placements.reactions,
      title: channels.title,
      username: channels.username,
      telegramChatId: channels.telegramChatId,
    })
    .from(placements)
    .innerJoin(channels, eq(channels.id, placements.channelId))
    .where(eq(placements.id, placementId));
  if (!row) return undefined;
  const members = await tx
    .select({ accountId: workspaceMembers.accountId })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, row.workspaceId));
  return {
    placementId,
    orderId: row.orderId,
    workspaceId: row.workspaceId,
    advertiserAccountId: row.advertiserAccountId,
    memberAccountIds: members.map((m) => m.accountId),
    channelTitle: row.title,
    postUrl: postLink(row, row.messageIds[0]),
    publishedAt: row.publishedAt,
    clicks: row.clicks,
    reactions: row.reactions,
  };
}
