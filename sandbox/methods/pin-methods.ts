import { badRequest } from '../errors.js';
import { type BotState, type ChatState } from '../world.js';
import { hasRight, memberOf } from '../members.js';
import {
  appendMessage,
  findMessage,
  requireMembership,
  resolveChat,
  senderFields,
} from './common.js';
import type { MethodHandler } from './context.js';

function requirePinRights(bot: BotState, chat: ChatState): void {
  if (chat.type === 'private') return;
  requireMembership(bot, chat);
  const right = chat.type === 'channel' ? 'can_edit_messages' : 'can_pin_messages';
  if (!hasRight(memberOf(chat, bot.user.id), right)) {
    throw badRequest('not enough rights to manage pinned messages in the chat');
  }
}

const pinChatMessage: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requirePinRights(bot, chat);
  const stored = findMessage(chat, params.message_id, 'message to pin not found');
  const id = stored.message.message_id;
  chat.pinned = [...chat.pinned.filter((p) => p !== id), id];
  if (chat.type !== 'private' && params.disable_notification !== true) {
    const { reply_to_message: _r, pinned_message: _p, ...pinned } = stored.message;
    appendMessage(
      world,
      chat,
      { ...senderFields(world, bot, chat), pinned_message: pinned },
      bot.user.id,
    );
  }
  world.events.emit('message', { kind: 'edit', chat, stored });
  return true;
};

const unpinChatMessage: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requirePinRights(bot, chat);
  const id =
    params.message_id === undefined
      ? chat.pinned[chat.pinned.length - 1]
      : Number(params.message_id);
  if (id === undefined || !chat.pinned.includes(id)) throw badRequest('message to unpin not found');
  chat.pinned = chat.pinned.filter((p) => p !== id);
  const stored = chat.messages.get(id);
  if (stored) world.events.emit('message', { kind: 'edit', chat, stored });
  return true;
};

const unpinAllChatMessages: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requirePinRights(bot, chat);
  chat.pinned = [];
  return true;
};

const setMessageReaction: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireMembership(bot, chat);
  const stored = findMessage(chat, params.message_id, 'message to react not found');
  const reactions = (params.reaction as { type: string; emoji?: string }[] | undefined) ?? [];
  if (reactions.length > 1) throw badRequest('REACTIONS_TOO_MANY');
  const emoji = reactions[0]?.emoji;
  if (emoji) stored.reactions.set(emoji, (stored.reactions.get(emoji) ?? 0) + 1);
  return true;
};

/** Pinning and reactions. */
export const pinMethods: Record<string, MethodHandler> = {
  pinChatMessage,
  unpinChatMessage,
  unpinAllChatMessages,
  setMessageReaction,
};
