import { badRequest } from './errors.js';
import { parseHtml } from './html.js';
import type { MessageEntity } from './types.js';

const detectors: { type: string; pattern: RegExp }[] = [
  { type: 'bot_command', pattern: /(?<![\w/])\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{5,32})?/g },
  { type: 'url', pattern: /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g },
  { type: 'mention', pattern: /(?<![\w@])@[a-zA-Z0-9_]{5,32}\b/g },
  { type: 'hashtag', pattern: /(?<![\w#])#[\p{L}\p{N}_]+/gu },
];

/** Entities Telegram finds by itself in plain text (commands, links, mentions, hashtags). */
export function detectEntities(text: string, explicit: MessageEntity[] = []): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const { type, pattern } of detectors) {
    for (const m of text.matchAll(pattern)) {
      const offset = m.index;
      const length = m[0].length;
      const overlaps = [...explicit, ...found].some(
        (e) => offset < e.offset + e.length && e.offset < offset + length,
      );
      if (!overlaps) found.push({ type, offset, length });
    }
  }
  return found;
}

/** Removes leading/trailing whitespace as Telegram does, shifting entities to match. */
function trimWithEntities(
  text: string,
  entities: MessageEntity[],
): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const shifted: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(e.offset - lead, 0);
    const end = Math.min(e.offset + e.length - lead, trimmed.length);
    if (end > start) shifted.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: shifted };
}

const codePoints = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** Applies parse_mode/entities and Telegram's limits to message text or a caption. */
export function prepareText(
  raw: string,
  options: { parseMode?: unknown; entities?: unknown; kind: 'text' | 'caption' },
): { text: string; entities: MessageEntity[] } {
  let text = raw;
  let entities = (options.entities as MessageEntity[] | undefined) ?? [];
  const mode = typeof options.parseMode === 'string' ? options.parseMode.toLowerCase() : '';
  // As in Telegram, a parse_mode wins and explicit entities are then ignored.
  if (mode === '' || mode === 'none') {
    // plain text with the given entities
  } else if (mode === 'html') {
    const parsed = parseHtml(raw);
    if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.code}`);
    text = parsed.value.text;
    entities = parsed.value.entities;
  } else if (mode === 'markdownv2' || mode === 'markdown') {
    throw badRequest(`parse_mode ${String(options.parseMode)} is not supported by the sandbox`);
  } else {
    throw badRequest('unsupported parse_mode');
  }
  const result = trimWithEntities(text, entities);
  const length = codePoints(result.text);
  if (options.kind === 'text') {
    if (length === 0) throw badRequest('message text is empty');
    if (length > 4096) throw badRequest('message is too long');
  } else if (length > 1024) {
    throw badRequest('message caption is too long');
  }
  for (const e of result.entities) {
    if (e.offset + e.length > result.text.length) throw badRequest("can't parse entities");
  }
  const all = [...result.entities, ...detectEntities(result.text, result.entities)];
  all.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: result.text, entities: all };
}
