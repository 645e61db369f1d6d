import { badRequest } from '../errors.js';
import { mediaFields, resolveFile, type FileKind } from '../files.js';
import { prepareText } from '../text.js';
import type { ApiMessage } from '../types.js';
import {
  appendMessage,
  applyReplyMarkup,
  replyFields,
  requireCanSend,
  requireMembership,
  resolveChat,
  senderFields,
} from './common.js';
import type { CallContext, MethodHandler } from './context.js';

/** Caption and caption_entities from caption/parse_mode/caption_entities params. */
export function captionFields(
  caption: unknown,
  parseMode: unknown,
  entities: unknown,
): Partial<ApiMessage> {
  if (typeof caption !== 'string' || caption === '') return {};
  const prepared = prepareText(caption, { parseMode, entities, kind: 'caption' });
  if (prepared.text === '') return {};
  return prepared.entities.length > 0
    ? { caption: prepared.text, caption_entities: prepared.entities }
    : { caption: prepared.text };
}

const sendMessage: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireCanSend(bot, chat);
  const { text, entities } = prepareText(params.text as string, {
    parseMode: params.parse_mode,
    entities: params.entities,
    kind: 'text',
  });
  const fields: Partial<ApiMessage> = {
    ...senderFields(world, bot, chat),
    ...replyFields(chat, params),
    text,
  };
  if (entities.length > 0) fields.entities = entities;
  applyReplyMarkup(fields, chat, params.reply_markup);
  return appendMessage(world, chat, fields, bot.user.id).message;
};

function sendFile(param: string, kind: FileKind): MethodHandler {
  return ({ world, bot, params }: CallContext) => {
    const chat = resolveChat(world, bot, params.chat_id);
    requireCanSend(bot, chat);
    const file = resolveFile(world, params[param], kind);
    const fields: Partial<ApiMessage> = {
      ...senderFields(world, bot, chat),
      ...replyFields(chat, params),
      ...mediaFields(file),
      ...captionFields(params.caption, params.parse_mode, params.caption_entities),
    };
    if (kind === 'sticker' && typeof params.emoji === 'string') {
      (fields.sticker as Record<string, unknown>).emoji = params.emoji;
    }
    if (params.has_spoiler === true) fields.has_media_spoiler = true;
    applyReplyMarkup(fields, chat, params.reply_markup);
    return appendMessage(world, chat, fields, bot.user.id).message;
  };
}

interface InputMediaItem {
  type: string;
  media: string;
  caption?: string;
  parse_mode?: string;
  caption_entities?: unknown;
}

const sendMediaGroup: MethodHandler = ({ world, bot, params, files }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireCanSend(bot, chat);
  const media = params.media as InputMediaItem[];
  if (media.length < 2 || media.length > 10) {
    throw badRequest('wrong number of messages in the media group: must be 2-10');
  }
  const kinds = new Set(media.map((m) => m.type));
  if ((kinds.has('document') || kinds.has('audio')) && kinds.size > 1) {
    throw badRequest("documents and audio can't be mixed with other media types");
  }
  const prepared = media.map((item) => {
    const input = item.media.startsWith('attach://')
      ? { upload: files.get(item.media.slice(9)) }
      : item.media;
    if (typeof input === 'object' && !input.upload) {
      throw badRequest(`file must be uploaded as ${item.media}`);
    }
    return {
      file: resolveFile(world, input, item.type as FileKind),
      caption: captionFields(item.caption, item.parse_mode, item.caption_entities),
    };
  });
  const groupId = String(13_000_000_000_000 + world.nextId('media-group'));
  const reply = replyFields(chat, params);
  return prepared.map(
    ({ file, caption }) =>
      appendMessage(
        world,
        chat,
        {
          ...senderFields(world, bot, chat),
          ...reply,
          media_group_id: groupId,
          ...mediaFields(file),
          ...caption,
        },
        bot.user.id,
      ).message,
  );
};

const actions = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const sendChatAction: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  if (!actions.has(params.action as string)) throw badRequest('wrong parameter action in request');
  if (chat.type === 'private') requireCanSend(bot, chat);
  else requireMembership(bot, chat);
  return true;
};

const getFile: MethodHandler = ({ world, params }) => {
  const file = world.files.get(params.file_id as string);
  if (!file) throw badRequest('wrong file_id or the file is temporarily unavailable');
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.data.length,
    file_path: file.file_path,
  };
};

/** Sending methods: text, media, albums, chat actions; getFile. */
export const sendMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto: sendFile('photo', 'photo'),
  sendVideo: sendFile('video', 'video'),
  sendAnimation: sendFile('animation', 'animation'),
  sendDocument: sendFile('document', 'document'),
  sendSticker: sendFile('sticker', 'sticker'),
  sendAudio: sendFile('audio', 'audio'),
  sendVoice: sendFile('voice', 'voice'),
  sendMediaGroup,
  sendChatAction,
  getFile,
};
