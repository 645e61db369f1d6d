import { notifyBots } from '../dispatch.js';
import { appendMessage } from '../methods/common.js';
import type { ApiMessage } from '../types.js';
import { enqueueUpdate } from '../updates.js';
import { chatObject, type ChatState, type StoredMessage, type World } from '../world.js';
import { hasRight, memberOf } from '../members.js';
import { contentFields, type UserContent } from './user-messages.js';

/** An admin posts in a channel; admin bots get `channel_post`. */
export function postInChannel(
  world: World,
  userId: number,
  chat: ChatState,
  content: UserContent,
): StoredMessage {
  if (chat.type !== 'channel') throw new Error(`chat ${chat.id} is not a channel`);
  if (!hasRight(memberOf(chat, userId), 'can_post_messages')) {
    throw new Error(`user ${userId} can't post in channel ${chat.id}`);
  }
  const fields: Partial<ApiMessage> = {
    sender_chat: chatObject(world, chat),
    ...contentFields(world, content),
  };
  const stored = appendMessage(world, chat, fields, null);
  notifyBots(world, chat, 'channel_post', stored.message);
  return stored;
}

/** An admin edits a channel post; admin bots get `edited_channel_post`. */
export function editChannelPost(
  world: World,
  chat: ChatState,
  messageId: number,
  text: string,
): StoredMessage {
  const stored = chat.messages.get(messageId);
  if (!stored || stored.deleted) throw new Error(`message ${chat.id}/${messageId} not found`);
  stored.message.text = text;
  delete stored.message.entities;
  stored.message.edit_date = world.now();
  world.events.emit('message', { kind: 'edit', chat, stored });
  notifyBots(world, chat, 'edited_channel_post', stored.message);
  return stored;
}

/** The owner deletes a post (Telegram sends bots no update for this). */
export function deleteChannelPost(world: World, chat: ChatState, messageId: number): void {
  const stored = chat.messages.get(messageId);
  if (!stored || stored.deleted) throw new Error(`message ${chat.id}/${messageId} not found`);
  stored.deleted = true;
  chat.pinned = chat.pinned.filter((id) => id !== messageId);
  world.events.emit('message', { kind: 'delete', chat, stored });
}

/** A user reacts: channels give admin bots message_reaction_count, other chats message_reaction. */
export function react(
  world: World,
  userId: number,
  chat: ChatState,
  messageId: number,
  emoji: string,
): void {
  const stored = chat.messages.get(messageId);
  if (!stored || stored.deleted) throw new Error(`message ${chat.id}/${messageId} not found`);
  stored.reactions.set(emoji, (stored.reactions.get(emoji) ?? 0) + 1);
  world.events.emit('message', { kind: 'edit', chat, stored });
  const date = world.now();
  if (chat.type === 'channel') {
    const reactions = [...stored.reactions].map(([e, total_count]) => ({
      type: { type: 'emoji', emoji: e },
      total_count,
    }));
    for (const [id, member] of chat.members) {
      const bot = world.bots.get(id);
      if (bot && member.status === 'administrator') {
        enqueueUpdate(bot.updates, 'message_reaction_count', {
          chat: stored.message.chat,
          message_id: messageId,
          date,
          reactions,
        });
      }
    }
    return;
  }
  notifyBots(world, chat, 'message_reaction', {
    chat: stored.message.chat,
    message_id: messageId,
    user: world.users.get(userId),
    date,
    old_reaction: [],
    new_reaction: [{ type: 'emoji', emoji }],
  });
}
