import type { Message } from 'grammy/types';
import { fail, ok, type Result } from '../../../models/errors.js';

/** Longest question forwarded to support (the admin message must stay under Telegram's 4096). */
export const supportTextLimit = 2000;

export type SupportTextCode = 'not_text' | 'too_long';

/** A support question must be one text message of at most supportTextLimit characters. */
export function validateSupportText(
  message: Pick<Message, 'text'>,
): Result<string, SupportTextCode> {
  const text = message.text?.trim();
  if (!text) return fail('not_text');
  if (text.length > supportTextLimit) return fail('too_long', { length: text.length });
  return ok(text);
}

/** True when a message starts with a bot command (/start, /help…). */
export function isCommand(message: Pick<Message, 'entities'>): boolean {
  const first = message.entities?.[0];
  return first?.type === 'bot_command' && first.offset === 0;
}
