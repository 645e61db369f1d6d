import type { Transformer } from 'grammy';

type Fields = Record<string, unknown>;

/** Methods whose `text` is formatted (entities: `entities`). */
const textMethods = new Set(['sendMessage', 'editMessageText']);

/** Methods whose `caption` is formatted (entities: `caption_entities`). */
const captionMethods = new Set([
  'sendPhoto',
  'sendVideo',
  'sendAnimation',
  'sendDocument',
  'sendAudio',
  'sendVoice',
  'sendPaidMedia',
  'copyMessage',
  'editMessageCaption',
]);

/**
 * `fields` with parse_mode HTML when its `textKey` holds text and neither a parse_mode nor
 * entities were given (an explicit `entities: []` keeps a text plain: a creative as typed).
 */
function withHtml(fields: Fields, textKey: 'text' | 'caption', entitiesKey: string): Fields {
  const text = fields[textKey];
  if (typeof text !== 'string' || text === '') return fields;
  if (fields.parse_mode !== undefined || fields[entitiesKey] !== undefined) return fields;
  return { ...fields, parse_mode: 'HTML' };
}

/** The items of an album or the media of an edit, each caption formatted as withHtml says. */
function withHtmlMedia(media: unknown): unknown {
  if (Array.isArray(media)) return media.map(withHtmlMedia);
  if (typeof media !== 'object' || media === null) return media;
  return withHtml(media as Fields, 'caption', 'caption_entities');
}

/** The payload of `method` with parse_mode HTML wherever it carries unformatted text. */
export function htmlPayload(method: string, payload: Fields): Fields {
  if (textMethods.has(method)) return withHtml(payload, 'text', 'entities');
  if (captionMethods.has(method)) return withHtml(payload, 'caption', 'caption_entities');
  if ((method === 'sendMediaGroup' || method === 'editMessageMedia') && payload.media) {
    return { ...payload, media: withHtmlMedia(payload.media) };
  }
  return payload;
}

/**
 * Every locale message is HTML, so each Api that sends installs this transformer: a text or
 * caption without parse_mode and entities goes with parse_mode HTML. Text that must stay plain
 * (a creative without formatting) passes `entities: []` / `caption_entities: []`.
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) =>
  prev(method, htmlPayload(method, payload as Fields) as typeof payload, signal);
