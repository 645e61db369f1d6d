import { badRequest, forbidden } from '../errors.js';
import type { ApiMessage, ReplyMarkup } from '../types.js';
import {
  chatObject,
  privateChat,
  type AdminRight,
  type BotState,
  type ChatState,
  type StoredMessage,
  type World,
} from '../world.js';
import { hasRight, isPresent, memberOf } from '../members.js';

/** Finds the chat `chat_id` names, as the calling bot can see it. */
export function resolveChat(world: World, bot: BotState, chatId: unknown): ChatState {
  if (typeof chatId === 'string' && chatId.startsWith('@')) {
    const name = chatId.slice(1).toLowerCase();
    for (const chat of world.chats.values()) {
      if (chat.type !== 'private' && chat.username?.toLowerCase() === name) return chat;
    }
    throw badRequest('chat not found');
  }
  const id = typeof chatId === 'number' ? chatId : Number(chatId);
  if (!Number.isInteger(id)) throw badRequest('chat not found');
  if (id > 0) {
    const user = world.users.get(id);
    if (!user || user.is_bot) throw badRequest('chat not found');
    return privateChat(world, bot.user.id, id);
  }
  const chat = world.chats.get(String(id));
  if (!chat || (!chat.username && !chat.members.has(bot.user.id))) {
    throw badRequest('chat not found');
  }
  return chat;
}

const kindName = (chat: ChatState): string =>
  chat.type === 'channel' ? 'channel' : chat.type === 'supergroup' ? 'supergroup' : 'group';

/** Throws Telegram's error when the bot is not (or no longer) in `chat`. */
export function requireMembership(bot: BotState, chat: ChatState): void {
  if (chat.type === 'private') return;
  const member = memberOf(chat, bot.user.id);
  if (member.status === 'kicked') throw forbidden(`bot was kicked from the ${kindName(chat)} chat`);
  if (!isPresent(member)) throw forbidden(`bot is not a member of the ${kindName(chat)} chat`);
}

/** Throws unless the bot may post in `chat` (Start pressed, not blocked, rights in channels). */
export function requireCanSend(bot: BotState, chat: ChatState): void {
  if (chat.type === 'private') {
    if (chat.blocked) throw forbidden('bot was blocked by the user');
    if (!chat.started) throw forbidden("bot can't initiate conversation with a user");
    return;
  }
  requireMembership(bot, chat);
  if (chat.type === 'channel' && !hasRight(memberOf(chat, bot.user.id), 'can_post_messages')) {
    throw badRequest('need administrator rights in the channel chat');
  }
}

/** Throws "not enough rights to …" unless the bot holds `right` in a group or channel. */
export function requireRight(
  bot: BotState,
  chat: ChatState,
  right: AdminRight,
  what: string,
): void {
  if (chat.type === 'private') return;
  requireMembership(bot, chat);
  if (!hasRight(memberOf(chat, bot.user.id), right))
    throw badRequest(`not enough rights to ${what}`);
}

/** A live (not deleted) message, or Telegram's "message to … not found". */
export function findMessage(chat: ChatState, messageId: unknown, notFound: string): StoredMessage {
  const stored = chat.messages.get(Number(messageId));
  if (!stored || stored.deleted) throw badRequest(notFound);
  return stored;
}

/** http(s)/tg links, or a bare domain Telegram completes with http:// (t.me/…, example.com/…). */
const validButtonUrl =
  /^(?:(?:https?|tg):\/\/\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:\/\S*)?)$/i;

/** Checks inline keyboards the way Telegram does (callback_data 1–64 bytes, one action). */
export function checkReplyMarkup(markup: unknown, chat: ChatState): ReplyMarkup | undefined {
  if (markup === undefined) return undefined;
  const m = markup as ReplyMarkup;
  if (!m.inline_keyboard) return chat.type === 'channel' ? undefined : m;
  for (const row of m.inline_keyboard) {
    for (const button of row) {
      if (button.text === '') throw badRequest('BUTTON_TEXT_INVALID');
      const data = button.callback_data;
      if (data !== undefined && (data === '' || Buffer.byteLength(data, 'utf8') > 64)) {
        throw badRequest('BUTTON_DATA_INVALID');
      }
      const actions = Object.keys(button).filter(
        (k) => !['text', 'style', 'icon_custom_emoji_id'].includes(k),
      );
      if (actions.length === 0) {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      if (actions.length > 1) {
        throw badRequest(
          "can't parse inline keyboard button: exactly one of the optional fields must be used",
        );
      }
      if (button.url !== undefined && !validButtonUrl.test(button.url)) {
        throw badRequest('BUTTON_URL_INVALID');
      }
    }
  }
  return m;
}

/**
 * Validates reply_markup and applies it: a non-empty inline keyboard goes on the message; a reply
 * keyboard (or its removal) is remembered on the chat for the page, as a client would show it.
 */
export function applyReplyMarkup(
  fields: Partial<ApiMessage>,
  chat: ChatState,
  markup: unknown,
  fallback?: ReplyMarkup,
): void {
  const checked = checkReplyMarkup(markup, chat) ?? fallback;
  if (!checked) return;
  if (checked.inline_keyboard) {
    if (checked.inline_keyboard.length > 0) fields.reply_markup = checked;
    return;
  }
  if (chat.type === 'channel') return;
  if (checked.keyboard) chat.replyKeyboard = checked;
  else if (checked.remove_keyboard) delete chat.replyKeyboard;
}

/** Who a bot's message is from: the bot, or the channel itself. */
export function senderFields(world: World, bot: BotState, chat: ChatState): Partial<ApiMessage> {
  if (chat.type === 'channel') return { sender_chat: chatObject(world, chat) };
  return { from: bot.user };
}

/** Appends a message to `chat`, assigning its id and date, and announces it. */
export function appendMessage(
  world: World,
  chat: ChatState,
  fields: Partial<ApiMessage>,
  byBotId: number | null,
): StoredMessage {
  const message: ApiMessage = {
    message_id: chat.nextMessageId++,
    date: world.now(),
    chat: chatObject(world, chat),
    ...fields,
  } as ApiMessage;
  const stored: StoredMessage = { message, deleted: false, byBotId, reactions: new Map() };
  chat.messages.set(message.message_id, stored);
  world.events.emit('message', { kind: 'new', chat, stored });
  return stored;
}

/** Reply fields from reply_parameters (or Telegram's "message to be replied not found"). */
export function replyFields(chat: ChatState, params: Record<string, unknown>): Partial<ApiMessage> {
  const reply = params.reply_parameters as
    { message_id: number; allow_sending_without_reply?: boolean } | undefined;
  if (!reply) return {};
  const target = chat.messages.get(reply.message_id);
  if (!target || target.deleted) {
    if (reply.allow_sending_without_reply) return {};
    throw badRequest('message to be replied not found');
  }
  const { reply_to_message: _nested, ...shallow } = target.message;
  return { reply_to_message: shallow };
}

/** Whether the message was sent by this bot (in a channel: by any admin via the bot). */
export function isOwnMessage(bot: BotState, stored: StoredMessage): boolean {
  return stored.byBotId === bot.user.id;
}
