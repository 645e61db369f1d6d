import { fail, ok, type Result } from '../errors.js';
import type { Entity } from './content.js';

/** Text and entities after parsing, or Telegram's parse error (after "can't parse entities: "). */
export type ParsedHtml = Result<{ text: string; entities: Entity[] }, string>;

const simpleTags: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};
const supported = new Set([...Object.keys(simpleTags), 'a', 'span', 'tg-emoji']);
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  tag: string;
  start: number;
  attrs: Map<string, string>;
  language?: string;
}

const byteOffset = (input: string, index: number): number =>
  Buffer.byteLength(input.slice(0, index), 'utf8');

/** Decodes one HTML entity at `i`; unknown ones stay literal text, as in Telegram. */
function decodeEntity(input: string, i: number): { text: string; next: number } {
  const match = /^&(#[0-9]{1,8}|#x[0-9a-fA-F]{1,7}|[a-zA-Z]{1,8});/.exec(input.slice(i, i + 12));
  if (!match?.[1]) return { text: '&', next: i + 1 };
  const body = match[1];
  if (body.startsWith('#')) {
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
      return { text: String.fromCodePoint(code), next: i + match[0].length };
    }
    return { text: '&', next: i + 1 };
  }
  const decoded = named[body.toLowerCase()];
  return decoded ? { text: decoded, next: i + match[0].length } : { text: '&', next: i + 1 };
}

/** Parses a start tag's attributes; returns the index after '>' or -1 when unclosed. */
function readAttributes(input: string, from: number, attrs: Map<string, string>): number {
  let i = from;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i] ?? '')) i++;
    if (input[i] === '>') return i + 1;
    if (input[i] === '/' && input[i + 1] === '>') return i + 2;
    const nameStart = i;
    while (i < input.length && /[a-zA-Z0-9_-]/.test(input[i] ?? '')) i++;
    if (i === nameStart) return -1;
    const name = input.slice(nameStart, i).toLowerCase();
    let value = '';
    if (input[i] === '=') {
      i++;
      const quote = input[i];
      if (quote === '"' || quote === "'") {
        const end = input.indexOf(quote, i + 1);
        if (end === -1) return -1;
        value = decodeAll(input.slice(i + 1, end));
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < input.length && !/[\s>]/.test(input[i] ?? '')) i++;
        value = decodeAll(input.slice(valueStart, i));
      }
    }
    attrs.set(name, value);
  }
  return -1;
}

function decodeAll(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    if (text[i] === '&') {
      const d = decodeEntity(text, i);
      out += d.text;
      i = d.next;
    } else out += text[i++];
  }
  return out;
}

function entityFor(open: OpenTag, offset: number, length: number): Entity | null {
  const base = { offset, length };
  switch (open.tag) {
    case 'a': {
      const href = open.attrs.get('href') ?? '';
      const mention = /^tg:\/\/user\?id=(\d+)$/.exec(href);
      if (mention) {
        return {
          type: 'text_mention',
          ...base,
          user: { id: Number(mention[1]), is_bot: false, first_name: '' },
        };
      }
      return href ? { type: 'text_link', ...base, url: href } : null;
    }
    case 'span':
      return { type: 'spoiler', ...base };
    case 'tg-emoji':
      return { type: 'custom_emoji', ...base, custom_emoji_id: open.attrs.get('emoji-id') ?? '' };
    case 'pre':
      return open.language
        ? { type: 'pre', ...base, language: open.language }
        : { type: 'pre', ...base };
    case 'blockquote':
      return {
        type: open.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote',
        ...base,
      };
    default:
      return { type: simpleTags[open.tag] ?? open.tag, ...base };
  }
}

/**
 * Telegram's HTML subset (parse_mode HTML) → plain text and entities with UTF-16 offsets, as
 * Telegram parses it; the error is Telegram's wording. Shared by the sandbox and the partner API.
 */
export function parseTelegramHtml(input: string): ParsedHtml {
  let out = '';
  const stack: OpenTag[] = [];
  const entities: Entity[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === '&') {
      const d = decodeEntity(input, i);
      out += d.text;
      i = d.next;
      continue;
    }
    if (c !== '<') {
      const next = nextSpecial(input, i);
      out += input.slice(i, next);
      i = next;
      continue;
    }
    const begin = i;
    if (input[i + 1] === '/') {
      const end = input.indexOf('>', i);
      if (end === -1) return fail(`Unclosed end tag at byte offset ${byteOffset(input, begin)}`);
      const name = input
        .slice(i + 2, end)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) return fail(`Unexpected end tag at byte offset ${byteOffset(input, begin)}`);
      if (open.tag !== name) {
        return fail(
          `Unmatched end tag at byte offset ${byteOffset(input, begin)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      const parent = stack[stack.length - 1];
      const language = /^language-(.+)$/.exec(open.attrs.get('class') ?? '')?.[1];
      if (open.tag === 'code' && parent?.tag === 'pre' && language) parent.language = language;
      else if (out.length > open.start) {
        const entity = entityFor(open, open.start, out.length - open.start);
        if (entity) entities.push(entity);
      }
      i = end + 1;
      continue;
    }
    let j = i + 1;
    while (j < input.length && /[a-zA-Z0-9-]/.test(input[j] ?? '')) j++;
    const tag = input.slice(i + 1, j).toLowerCase();
    if (j >= input.length)
      return fail(`Unclosed start tag at byte offset ${byteOffset(input, begin)}`);
    if (!supported.has(tag)) {
      return fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(input, begin)}`);
    }
    const attrs = new Map<string, string>();
    const after = readAttributes(input, j, attrs);
    if (after === -1) return fail(`Unclosed start tag at byte offset ${byteOffset(input, begin)}`);
    if (tag === 'span' && attrs.get('class') !== 'tg-spoiler') {
      return fail('Tag "span" must have class "tg-spoiler"');
    }
    if (tag === 'tg-emoji' && !attrs.get('emoji-id')) {
      return fail('Custom emoji entity must contain a tg://emoji URL');
    }
    stack.push({ tag, start: out.length, attrs });
    i = after;
  }
  const unclosed = stack.pop();
  if (unclosed) return fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return ok({ text: out, entities });
}

function nextSpecial(input: string, from: number): number {
  for (let k = from; k < input.length; k++) {
    const ch = input.charCodeAt(k);
    if (ch === 38 || ch === 60) return k;
  }
  return input.length;
}
