import { locateChannelByChat } from '../channels/locate-channel.js';
import type { Database } from '../db.js';
import { appendViolationEvent, type ViolationNotice } from './notify.js';
import { appendVerification, openTopWindows } from './queries.js';
import { isDuplicate, readViolations, type PlacementViolation } from './violations.js';

/** A channel_post as the bot saw it (service messages are not posts: the edge filters them). */
export interface ChannelPost {
  telegramChatId: number;
  messageId: number;
  /** Telegram's date of the post. */
  date: Date;
  mediaGroupId?: string;
}

/**
 * A post in a registered channel: every published placement of it whose top window is open and
 * whose ad came before this post gets a `top` violation (from the post until top_until), once per
 * post or album; owner and advertiser are notified through queued jobs in the same transaction.
 */
export async function recordChannelPost(
  database: Database,
  post: ChannelPost,
): Promise<ViolationNotice[]> {
  const channel = await locateChannelByChat(database, post.telegramChatId);
  if (!channel) return [];
  return database.withScope({ workspaceId: channel.workspaceId }, async (tx) => {
    const notices: ViolationNotice[] = [];
    for (const p of await openTopWindows(tx, channel.id, post.date)) {
      const lastAdMessage = Math.max(0, ...p.messageIds);
      if (!p.topUntil || p.messageIds.includes(post.messageId) || post.messageId <= lastAdMessage)
        continue;
      const violation: PlacementViolation = {
        kind: 'top',
        at: post.date.toISOString(),
        from: post.date.toISOString(),
        until: p.topUntil.toISOString(),
        messageId: post.messageId,
        ...(post.mediaGroupId ? { mediaGroupId: post.mediaGroupId } : {}),
      };
      if (isDuplicate(readViolations(p.violations), violation)) continue;
      await appendVerification(tx, p.id, { violation, at: post.date });
      const notice: ViolationNotice = {
        placementId: p.id,
        orderId: p.orderId,
        workspaceId: p.workspaceId,
        ownerAccountId: p.ownerAccountId,
        advertiserAccountId: p.advertiserAccountId,
        channelTitle: p.channelTitle,
        violation,
      };
      await appendViolationEvent(tx, notice, post.date);
      notices.push(notice);
    }
    return notices;
  });
}
