import { badRequest } from '../errors.js';
import type { ApiMessage } from '../types.js';
import type { ChatState, StoredMessage } from '../world.js';
import {
  appendMessage,
  applyReplyMarkup,
  findMessage,
  replyFields,
  requireCanSend,
  requireMembership,
  resolveChat,
  senderFields,
} from './common.js';
import type { CallContext, MethodHandler } from './context.js';
import { captionFields } from './send-methods.js';

const contentKeys = [
  'text',
  'entities',
  'caption',
  'caption_entities',
  'photo',
  'video',
  'animation',
  'document',
  'sticker',
  'audio',
  'voice',
  'has_media_spoiler',
] as const;
const uncopyable = [
  'invoice',
  'successful_payment',
  'refunded_payment',
  'pinned_message',
  'new_chat_members',
  'left_chat_member',
];

function content(message: ApiMessage): Partial<ApiMessage> {
  const out: Partial<ApiMessage> = {};
  for (const key of contentKeys)
    if (message[key] !== undefined) (out as Record<string, unknown>)[key] = message[key];
  return out;
}

function source(
  call: CallContext,
  id: unknown,
  notFound: string,
): { from: ChatState; stored: StoredMessage } {
  const from = resolveChat(call.world, call.bot, call.params.from_chat_id);
  requireMembership(call.bot, from);
  return { from, stored: findMessage(from, id, notFound) };
}

function copyInto(
  call: CallContext,
  target: ChatState,
  stored: StoredMessage,
  withOptions: boolean,
): StoredMessage {
  const { world, bot, params } = call;
  if (uncopyable.some((k) => stored.message[k] !== undefined))
    throw badRequest("message can't be copied");
  const fields: Partial<ApiMessage> = {
    ...senderFields(world, bot, target),
    ...content(stored.message),
  };
  if (withOptions) {
    Object.assign(fields, replyFields(target, params));
    if (params.caption !== undefined && fields.text === undefined) {
      delete fields.caption;
      delete fields.caption_entities;
      Object.assign(
        fields,
        captionFields(params.caption, params.parse_mode, params.caption_entities),
      );
    }
    applyReplyMarkup(fields, target, params.reply_markup, stored.message.reply_markup);
  }
  return appendMessage(world, target, fields, bot.user.id);
}

function forwardOrigin(
  call: CallContext,
  from: ChatState,
  message: ApiMessage,
): Record<string, unknown> {
  if (message.forward_origin) return message.forward_origin as Record<string, unknown>;
  if (from.type === 'channel') {
    return {
      type: 'channel',
      chat: message.chat,
      message_id: message.message_id,
      date: message.date,
    };
  }
  if (message.sender_chat)
    return { type: 'chat', sender_chat: message.sender_chat, date: message.date };
  return { type: 'user', sender_user: message.from ?? call.bot.user, date: message.date };
}

const copyMessage: MethodHandler = (call) => {
  const { from: _from, stored } = source(call, call.params.message_id, 'message to copy not found');
  const target = resolveChat(call.world, call.bot, call.params.chat_id);
  requireCanSend(call.bot, target);
  return { message_id: copyInto(call, target, stored, true).message.message_id };
};

const copyMessages: MethodHandler = (call) => {
  const target = resolveChat(call.world, call.bot, call.params.chat_id);
  requireCanSend(call.bot, target);
  const from = resolveChat(call.world, call.bot, call.params.from_chat_id);
  requireMembership(call.bot, from);
  const out: { message_id: number }[] = [];
  for (const id of call.params.message_ids as number[]) {
    const stored = from.messages.get(id);
    if (!stored || stored.deleted) continue;
    out.push({ message_id: copyInto(call, target, stored, false).message.message_id });
  }
  if (out.length === 0) throw badRequest('message to copy not found');
  return out;
};

const forwardMessage: MethodHandler = (call) => {
  const { from, stored } = source(call, call.params.message_id, 'message to forward not found');
  const target = resolveChat(call.world, call.bot, call.params.chat_id);
  requireCanSend(call.bot, target);
  if (stored.message.invoice !== undefined) throw badRequest("message can't be forwarded");
  const fields: Partial<ApiMessage> = {
    ...senderFields(call.world, call.bot, target),
    forward_origin: forwardOrigin(call, from, stored.message),
    ...content(stored.message),
  };
  if (stored.message.reply_markup) fields.reply_markup = stored.message.reply_markup;
  return appendMessage(call.world, target, fields, call.bot.user.id).message;
};

/** Copying and forwarding messages between chats. */
export const copyMethods: Record<string, MethodHandler> = {
  copyMessage,
  copyMessages,
  forwardMessage,
};
