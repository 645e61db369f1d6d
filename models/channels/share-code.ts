import { randomBytes } from 'node:crypto';

/** A new share code for t.me/<bot>?start=ch_<code>: 11 url-safe characters (64 random bits). */
export function newShareCode(): string {
  return randomBytes(8).toString('base64url');
}
