import type { ChatState, StoredMessage, World } from './world.js';

/** What the page needs about a chat. */
export function chatView(world: World, chat: ChatState): Record<string, unknown> {
  return {
    id: chat.id,
    key: chat.key,
    type: chat.type,
    title: chat.type === 'private' ? world.users.get(chat.userId ?? 0)?.first_name : chat.title,
    username: chat.username,
    botId: chat.botId,
    userId: chat.userId,
    pinned: chat.pinned,
    members: [...chat.members].map(([userId, m]) => ({
      userId,
      status: m.status,
      rights: m.rights,
    })),
    extraMemberCount: chat.extraMemberCount,
    replyKeyboard: chat.replyKeyboard,
  };
}

/** A stored message as the page renders it (reply_markup included; reactions as counts). */
export function messageView(stored: StoredMessage): Record<string, unknown> {
  return {
    ...stored.message,
    deleted: stored.deleted,
    by_bot_id: stored.byBotId,
    reactions: Object.fromEntries(stored.reactions),
  };
}
