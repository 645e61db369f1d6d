import { notifyBots } from '../dispatch.js';
import { mediaFields, storeFile, type FileKind } from '../files.js';
import { appendMessage } from '../methods/common.js';
import { detectEntities } from '../text.js';
import type { ApiMessage, MessageEntity } from '../types.js';
import { chatObject, type ChatState, type StoredMessage, type World } from '../world.js';
import { isPresent, memberOf } from '../members.js';

/** A tiny valid PNG used as the bytes of photos and stickers users "send". */
export const samplePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export type UserContent =
  | string
  | { text: string; entities?: MessageEntity[] }
  | { sticker: true | string; emoji?: string }
  | { photo: true | Buffer; caption?: string }
  | { document: { name: string; data?: Buffer; mime?: string } | true; caption?: string }
  | { forwardFrom: { chatId: number; messageId: number } };

/** Message fields for content a user composes (files are stored and get file_ids). */
export function contentFields(world: World, content: UserContent): Partial<ApiMessage> {
  if (typeof content === 'string') return contentFields(world, { text: content });
  if ('text' in content) {
    const entities = [
      ...(content.entities ?? []),
      ...detectEntities(content.text, content.entities),
    ];
    entities.sort((a, b) => a.offset - b.offset);
    return entities.length > 0 ? { text: content.text, entities } : { text: content.text };
  }
  const file = (
    kind: FileKind,
    data: Buffer,
    meta: { mime?: string; name?: string },
  ): Partial<ApiMessage> => mediaFields(storeFile(world, kind, data, meta));
  const caption = (c: string | undefined): Partial<ApiMessage> => (c ? { caption: c } : {});
  if ('sticker' in content) {
    const fields = file('sticker', samplePng, { mime: 'image/webp' });
    (fields.sticker as Record<string, unknown>).emoji = content.emoji ?? '👍';
    return fields;
  }
  if ('photo' in content) {
    const data = content.photo === true ? samplePng : content.photo;
    return { ...file('photo', data, { mime: 'image/png' }), ...caption(content.caption) };
  }
  if ('document' in content) {
    const doc = content.document === true ? { name: 'document.txt' } : content.document;
    const data = doc.data ?? Buffer.from('sandbox document\n');
    return {
      ...file('document', data, { mime: doc.mime ?? 'text/plain', name: doc.name }),
      ...caption(content.caption),
    };
  }
  return forwardedFields(world, content.forwardFrom.chatId, content.forwardFrom.messageId);
}

/** A copy of a channel post (or any message) with forward_origin, as a user forwards it. */
export function forwardedFields(
  world: World,
  chatId: number,
  messageId: number,
): Partial<ApiMessage> {
  const source = world.chats.get(String(chatId));
  const stored = source?.messages.get(messageId);
  if (!source || !stored || stored.deleted)
    throw new Error(`message ${chatId}/${messageId} not found`);
  const m = stored.message;
  const origin =
    source.type === 'channel'
      ? { type: 'channel', chat: chatObject(world, source), message_id: m.message_id, date: m.date }
      : { type: 'user', sender_user: m.from, date: m.date };
  const out: Partial<ApiMessage> = { forward_origin: m.forward_origin ?? origin };
  for (const key of [
    'text',
    'entities',
    'caption',
    'caption_entities',
    'photo',
    'video',
    'animation',
    'document',
    'sticker',
  ]) {
    if (m[key] !== undefined) out[key] = m[key];
  }
  return out;
}

/** A user sends something into a private chat with a bot or into a group; bots get `message`. */
export function userSend(
  world: World,
  userId: number,
  chat: ChatState,
  content: UserContent,
  options: { replyToMessageId?: number } = {},
): StoredMessage {
  const user = world.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  if (chat.type === 'channel') throw new Error('users post in channels with postInChannel');
  if (chat.type === 'private') {
    if (chat.userId !== userId) throw new Error(`chat ${chat.key} is not ${userId}'s`);
    chat.started = true;
  } else if (!isPresent(memberOf(chat, userId))) {
    throw new Error(`user ${userId} is not a member of chat ${chat.id}`);
  }
  const fields: Partial<ApiMessage> = { from: user, ...contentFields(world, content) };
  if (options.replyToMessageId !== undefined) {
    const target = chat.messages.get(options.replyToMessageId);
    if (target && !target.deleted) {
      const { reply_to_message: _n, ...shallow } = target.message;
      fields.reply_to_message = shallow;
    }
  }
  const stored = appendMessage(world, chat, fields, null);
  notifyBots(world, chat, 'message', stored.message);
  return stored;
}

/** A user edits their own text message; bots get `edited_message`. */
export function userEdit(
  world: World,
  userId: number,
  chat: ChatState,
  messageId: number,
  text: string,
): StoredMessage {
  const stored = chat.messages.get(messageId);
  if (!stored || stored.deleted || stored.message.from?.id !== userId) {
    throw new Error(`user ${userId} has no message ${messageId} in chat ${chat.key}`);
  }
  const fields = contentFields(world, text);
  stored.message.text = fields.text;
  if (fields.entities) stored.message.entities = fields.entities;
  else delete stored.message.entities;
  stored.message.edit_date = world.now();
  world.events.emit('message', { kind: 'edit', chat, stored });
  notifyBots(world, chat, 'edited_message', stored.message);
  return stored;
}
