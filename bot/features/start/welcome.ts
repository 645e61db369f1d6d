import type { User } from 'grammy/types';
import type { BotContext } from '../../context.js';

/** The text of the /start role menu, with the user's (escaped) first name. */
export function welcomeText(ctx: BotContext, user: User): string {
  return ctx.t('start-welcome', { name: user.first_name });
}

export type StartPayload =
  { kind: 'none' } | { kind: 'channel'; code: string } | { kind: 'invite'; code: string };

/** Reads a /start deep-link payload; anything unknown or malformed counts as no payload. */
export function parseStartPayload(payload: string | undefined): StartPayload {
  const value = payload?.trim() ?? '';
  const channel = /^ch_([A-Za-z0-9_-]{1,60})$/.exec(value)?.[1];
  if (channel) return { kind: 'channel', code: channel };
  const invite = /^inv_([A-Za-z0-9_-]{1,60})$/.exec(value)?.[1];
  return invite ? { kind: 'invite', code: invite } : { kind: 'none' };
}
