import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import { recordChatMember } from '../../../models/joins/record-chat-member.js';
import { recordReactionCount } from '../../../models/reactions/record-reaction-count.js';
import { recordChannelPost } from '../../../models/verification/record-channel-post.js';
import type { BotContext, BotDeps } from '../../context.js';

/** Message fields that make a channel message a post (service messages such as pins are not). */
const postFields = [
  'text',
  'photo',
  'video',
  'animation',
  'document',
  'audio',
  'voice',
  'video_note',
  'sticker',
  'poll',
  'location',
  'venue',
  'contact',
  'dice',
  'story',
  'paid_media',
  'game',
] as const;

/** True for a real post (content), false for service messages. */
export function isPost(message: Message): boolean {
  return postFields.some((field) => message[field as keyof Message] !== undefined);
}

/**
 * channel_post in any channel: a post in a registered channel during a published placement's top
 * window is recorded as a top violation (models/verification/record-channel-post.ts).
 * message_reaction_count: a placement's post gets its counts recorded (models/reactions/); reactions
 * on any other post are dropped silently.
 * chat_member (in a chat an ad promotes, where the bot is an admin): joins through a placement's
 * invite link and later leaves are recorded (models/joins/); other changes record nothing.
 */
export function createChannelWatchFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('channel_post', async (ctx) => {
    const post = ctx.channelPost;
    if (!isPost(post)) return;
    const notices = await recordChannelPost(deps.database, {
      telegramChatId: post.chat.id,
      messageId: post.message_id,
      date: new Date(post.date * 1000),
      ...(post.media_group_id ? { mediaGroupId: post.media_group_id } : {}),
    });
    for (const notice of notices)
      deps.logger.info(
        { placementId: notice.placementId, messageId: post.message_id },
        'top violation recorded',
      );
  });
  composer.on('message_reaction_count', async (ctx) => {
    const { chat, message_id: messageId, date, reactions } = ctx.messageReactionCount;
    await recordReactionCount(deps.database, {
      updateId: ctx.update.update_id,
      telegramChatId: chat.id,
      messageId,
      date: new Date(date * 1000),
      reactions,
    });
  });
  composer.on('chat_member', async (ctx) => {
    const { chat, new_chat_member: next, old_chat_member: old, invite_link, date } = ctx.chatMember;
    await recordChatMember(deps.database, {
      telegramChatId: chat.id,
      userId: next.user.id,
      date: new Date(date * 1000),
      oldStatus: old.status,
      ...('is_member' in old ? { oldIsMember: old.is_member } : {}),
      newStatus: next.status,
      ...('is_member' in next ? { newIsMember: next.is_member } : {}),
      ...(invite_link ? { inviteLink: invite_link.invite_link } : {}),
    });
  });
  return composer;
}
