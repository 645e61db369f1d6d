import { badRequest, forbidden } from '../errors.js';
import { prepareText } from '../text.js';
import type { ApiMessage } from '../types.js';
import { type BotState, type ChatState, type StoredMessage, type World } from '../world.js';
import { hasRight, memberOf } from '../members.js';
import {
  checkReplyMarkup,
  findMessage,
  isOwnMessage,
  requireMembership,
  resolveChat,
} from './common.js';
import type { CallContext, MethodHandler } from './context.js';
import { captionFields } from './send-methods.js';

const notModified =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function editTarget(call: CallContext): { chat: ChatState; stored: StoredMessage } {
  const { world, bot, params } = call;
  if (params.inline_message_id !== undefined) {
    throw badRequest('inline messages are not supported by the sandbox');
  }
  if (params.chat_id === undefined || params.message_id === undefined) {
    throw badRequest('message identifier is not specified');
  }
  const chat = resolveChat(world, bot, params.chat_id);
  requireMembership(bot, chat);
  if (chat.blocked) throw forbidden('bot was blocked by the user');
  const stored = findMessage(chat, params.message_id, 'message to edit not found');
  const own = isOwnMessage(bot, stored);
  if (chat.type === 'channel') {
    const member = memberOf(chat, bot.user.id);
    const allowed =
      hasRight(member, 'can_edit_messages') || (own && hasRight(member, 'can_post_messages'));
    if (!allowed) throw badRequest("message can't be edited");
  } else if (!own) {
    throw badRequest("message can't be edited");
  }
  return { chat, stored };
}

function applyEdit(
  world: World,
  chat: ChatState,
  stored: StoredMessage,
  next: Partial<ApiMessage>,
  keys: (keyof ApiMessage)[],
): ApiMessage {
  const same = keys.every((k) => JSON.stringify(stored.message[k]) === JSON.stringify(next[k]));
  if (same) throw badRequest(notModified);
  for (const k of keys) {
    if (next[k] === undefined) delete stored.message[k];
    else stored.message[k] = next[k];
  }
  stored.message.edit_date = world.now();
  world.events.emit('message', { kind: 'edit', chat, stored });
  return stored.message;
}

const inlineMarkup = (markup: unknown, chat: ChatState): ApiMessage['reply_markup'] => {
  const checked = checkReplyMarkup(markup, chat);
  return checked?.inline_keyboard && checked.inline_keyboard.length > 0 ? checked : undefined;
};

const editMessageText: MethodHandler = (call) => {
  const { chat, stored } = editTarget(call);
  if (stored.message.text === undefined)
    throw badRequest('there is no text in the message to edit');
  const { text, entities } = prepareText(call.params.text as string, {
    parseMode: call.params.parse_mode,
    entities: call.params.entities,
    kind: 'text',
  });
  const next: Partial<ApiMessage> = {
    text,
    entities: entities.length > 0 ? entities : undefined,
    reply_markup: inlineMarkup(call.params.reply_markup, chat),
  };
  return applyEdit(call.world, chat, stored, next, ['text', 'entities', 'reply_markup']);
};

const editMessageCaption: MethodHandler = (call) => {
  const { chat, stored } = editTarget(call);
  if (stored.message.text !== undefined)
    throw badRequest('there is no caption in the message to edit');
  const caption = captionFields(
    call.params.caption,
    call.params.parse_mode,
    call.params.caption_entities,
  );
  const next: Partial<ApiMessage> = {
    caption: caption.caption,
    caption_entities: caption.caption_entities,
    reply_markup: inlineMarkup(call.params.reply_markup, chat),
  };
  return applyEdit(call.world, chat, stored, next, ['caption', 'caption_entities', 'reply_markup']);
};

const editMessageReplyMarkup: MethodHandler = (call) => {
  const { chat, stored } = editTarget(call);
  const next = { reply_markup: inlineMarkup(call.params.reply_markup, chat) };
  return applyEdit(call.world, chat, stored, next, ['reply_markup']);
};

function canDelete(bot: BotState, chat: ChatState, stored: StoredMessage): boolean {
  if (chat.type === 'private') return true;
  const member = memberOf(chat, bot.user.id);
  if (hasRight(member, 'can_delete_messages')) return true;
  if (!isOwnMessage(bot, stored)) return false;
  return chat.type !== 'channel' || hasRight(member, 'can_post_messages');
}

function deleteOne(world: World, chat: ChatState, stored: StoredMessage): void {
  stored.deleted = true;
  chat.pinned = chat.pinned.filter((id) => id !== stored.message.message_id);
  world.events.emit('message', { kind: 'delete', chat, stored });
}

const deleteMessage: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireMembership(bot, chat);
  const stored = findMessage(chat, params.message_id, 'message to delete not found');
  if (!canDelete(bot, chat, stored)) throw badRequest("message can't be deleted");
  deleteOne(world, chat, stored);
  return true;
};

const deleteMessages: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireMembership(bot, chat);
  const ids = params.message_ids as number[];
  if (ids.length < 1 || ids.length > 100) throw badRequest('too many messages to delete');
  for (const id of ids) {
    const stored = chat.messages.get(id);
    if (stored && !stored.deleted && canDelete(bot, chat, stored)) deleteOne(world, chat, stored);
  }
  return true;
};

/** Editing and deleting messages. */
export const editMethods: Record<string, MethodHandler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  deleteMessages,
};
