import type { Result } from '../models/errors.js';
import { parseTelegramHtml } from '../models/creatives/html.js';
import type { MessageEntity } from './types.js';

/** Text and entities after parsing, or Telegram's parse error (after "can't parse entities: "). */
export type ParsedText = Result<{ text: string; entities: MessageEntity[] }, string>;

/** Telegram's HTML subset → plain text and MessageEntity list with UTF-16 offsets. */
export function parseHtml(input: string): ParsedText {
  return parseTelegramHtml(input) as unknown as ParsedText;
}
