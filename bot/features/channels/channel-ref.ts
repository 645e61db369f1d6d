import type { Message } from 'grammy/types';
import type { ChannelRef } from './telegram-facts.js';

/** What a person sent to name a channel. */
export type ChannelInput =
  | { kind: 'ref'; ref: ChannelRef }
  | { kind: 'private_link' }
  | { kind: 'forward_not_channel' }
  | { kind: 'none' };

const username = '[A-Za-z][A-Za-z0-9_]{3,31}';
const atName = new RegExp(`^@(${username})$`);
const link = new RegExp(
  `^(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:s/)?(${username})(?:/\\d+)?/?(?:\\?.*)?$`,
  'i',
);
const privatePostLink = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/c\/(\d{1,15})(?:\/\d+)?\/?$/i;
const inviteLink = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:\+|joinchat\/)[\w-]+\/?$/i;

/** Reads a channel from text: @username, a t.me link, or a t.me/c/<id> post link. */
export function parseChannelText(text: string): ChannelInput {
  const value = text.trim();
  const name = atName.exec(value)?.[1] ?? link.exec(value)?.[1];
  if (name) return { kind: 'ref', ref: `@${name}` };
  const internal = privatePostLink.exec(value)?.[1];
  if (internal) return { kind: 'ref', ref: Number(`-100${internal}`) };
  if (inviteLink.test(value)) return { kind: 'private_link' };
  return { kind: 'none' };
}

/** Reads a channel from a forwarded message (forward_origin of type channel). */
export function parseForward(message: Message): ChannelInput {
  const origin = message.forward_origin;
  if (!origin) return { kind: 'none' };
  return origin.type === 'channel'
    ? { kind: 'ref', ref: origin.chat.id }
    : { kind: 'forward_not_channel' };
}
