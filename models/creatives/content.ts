import { fail, ok, type Result } from '../errors.js';

/** A Telegram message entity as stored (offsets and lengths in UTF-16 code units). */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  [key: string]: unknown;
}

export type SingleMediaKind = 'photo' | 'video' | 'animation' | 'document';
export type AlbumItemType = 'photo' | 'video' | 'document' | 'audio';

/** The post exactly as the advertiser sent it: text or media by file_id, with entities. */
export type CreativeContent =
  | { kind: 'text'; text: string; entities?: Entity[] }
  | {
      kind: SingleMediaKind;
      file_id: string;
      caption?: string;
      caption_entities?: Entity[];
    }
  | {
      kind: 'album';
      items: { type: AlbumItemType; file_id: string }[];
      caption?: string;
      caption_entities?: Entity[];
    };

export interface CreativeButton {
  text: string;
  url: string;
}

/** One ad variant: the content and its URL buttons in rows. */
export interface Creative {
  content: CreativeContent;
  buttons: CreativeButton[][];
}

/** The parts of a Telegram message a creative may be made of. */
export interface IncomingMessage {
  message_id: number;
  media_group_id?: string;
  text?: string;
  entities?: Entity[];
  caption?: string;
  caption_entities?: Entity[];
  photo?: { file_id: string }[];
  video?: { file_id: string };
  animation?: { file_id: string };
  document?: { file_id: string };
  audio?: { file_id: string };
}

export const albumLimit = 10;

export type ContentCode = 'unsupported' | 'empty' | 'album_too_large';

function captionOf(message: IncomingMessage) {
  return {
    ...(message.caption ? { caption: message.caption } : {}),
    ...(message.caption && message.caption_entities?.length
      ? { caption_entities: message.caption_entities }
      : {}),
  };
}

/** The largest photo size's file id (Telegram lists sizes smallest first). */
function photoId(message: IncomingMessage): string | undefined {
  return message.photo?.at(-1)?.file_id;
}

/**
 * A single message as creative content: text (entities kept) or one photo/video/animation/document
 * with its caption. Stickers, voice, polls, locations, audio alone… are 'unsupported'.
 */
export function contentFromMessage(message: IncomingMessage): Result<CreativeContent, ContentCode> {
  if (message.text !== undefined) {
    if (!message.text.trim()) return fail('empty');
    return ok({
      kind: 'text',
      text: message.text,
      ...(message.entities?.length ? { entities: message.entities } : {}),
    });
  }
  const photo = photoId(message);
  if (photo) return ok({ kind: 'photo', file_id: photo, ...captionOf(message) });
  // An animation message also carries `document`: check it first.
  if (message.animation) {
    return ok({ kind: 'animation', file_id: message.animation.file_id, ...captionOf(message) });
  }
  if (message.video) {
    return ok({ kind: 'video', file_id: message.video.file_id, ...captionOf(message) });
  }
  if (message.document) {
    return ok({ kind: 'document', file_id: message.document.file_id, ...captionOf(message) });
  }
  return fail('unsupported');
}

function albumItem(message: IncomingMessage): { type: AlbumItemType; file_id: string } | null {
  const photo = photoId(message);
  if (photo) return { type: 'photo', file_id: photo };
  if (message.video) return { type: 'video', file_id: message.video.file_id };
  if (message.document) return { type: 'document', file_id: message.document.file_id };
  if (message.audio) return { type: 'audio', file_id: message.audio.file_id };
  return null;
}

/** The messages of one media group (any order) as an album; the first caption found is kept. */
export function contentFromAlbum(
  messages: IncomingMessage[],
): Result<CreativeContent, ContentCode> {
  if (messages.length === 0) return fail('empty');
  if (messages.length > albumLimit) return fail('album_too_large', { max: albumLimit });
  const sorted = [...messages].sort((a, b) => a.message_id - b.message_id);
  const items: { type: AlbumItemType; file_id: string }[] = [];
  for (const message of sorted) {
    const item = albumItem(message);
    if (!item) return fail('unsupported');
    items.push(item);
  }
  const captioned = sorted.find((m) => m.caption);
  return ok({ kind: 'album', items, ...(captioned ? captionOf(captioned) : {}) });
}

/** The text or caption of the content and its entities. */
export function bodyOf(content: CreativeContent): { body: string; entities: Entity[] } {
  if (content.kind === 'text') return { body: content.text, entities: content.entities ?? [] };
  return { body: content.caption ?? '', entities: content.caption_entities ?? [] };
}

/** Telegram's limits: 4096 for a text message, 1024 for a caption (UTF-16 code units). */
export function lengthLimitOf(content: CreativeContent): number {
  return content.kind === 'text' ? 4096 : 1024;
}
