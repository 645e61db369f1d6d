import { fail, ok, type Result } from '../errors.js';
import { formatSpec, type FormatId } from './formats.js';
import type { ChannelSettings } from './settings.js';

/** The channel rights the bot cares about; posting is required, the others depend on formats. */
export const botRightNames = [
  'can_post_messages',
  'can_edit_messages',
  'can_delete_messages',
] as const;
export type BotRightName = (typeof botRightNames)[number];

/** Lost rights not restored within this after due_at ⇒ placement and order fail, full refund. */
export const lostRightsGraceMs = 15 * 60_000;

/** Snapshot of the bot's membership in a channel, stored in channels.bot_rights. */
export interface BotRights {
  status: 'creator' | 'administrator' | 'member' | 'left' | 'kicked' | 'restricted';
  can_post_messages: boolean;
  can_edit_messages: boolean;
  can_delete_messages: boolean;
}

/** A ChatMember as the Bot API returns it (only the fields we read). */
export interface MemberFacts {
  status: string;
  can_post_messages?: boolean;
  can_edit_messages?: boolean;
  can_delete_messages?: boolean;
}

/** What the bot edge fetched from Telegram about a channel before registering it. */
export interface ChannelFacts {
  telegramChatId: number;
  type: string;
  title: string;
  username: string | null;
  subscribers: number;
  user: MemberFacts;
  bot: MemberFacts;
}

const memberStatuses: BotRights['status'][] = [
  'creator',
  'administrator',
  'member',
  'left',
  'kicked',
  'restricted',
];

/** The bot's rights snapshot from a ChatMember (a creator holds every right). */
export function botRightsOf(member: MemberFacts): BotRights {
  const status = memberStatuses.find((s) => s === member.status) ?? 'left';
  const all = status === 'creator';
  const admin = status === 'administrator';
  return {
    status,
    can_post_messages: all || (admin && member.can_post_messages === true),
    can_edit_messages: all || (admin && member.can_edit_messages === true),
    can_delete_messages: all || (admin && member.can_delete_messages === true),
  };
}

/** Reads a stored snapshot; anything unknown counts as no rights. */
export function readBotRights(stored: unknown): BotRights {
  const value = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  return botRightsOf({
    status: typeof value.status === 'string' ? value.status : 'left',
    can_post_messages: value.can_post_messages === true,
    can_edit_messages: value.can_edit_messages === true,
    can_delete_messages: value.can_delete_messages === true,
  });
}

/** True when the bot can sell in the channel at all (administrator that may post). */
export function canSell(rights: BotRights): boolean {
  return rights.can_post_messages;
}

export type RightsRefusal =
  'not_a_channel' | 'user_not_admin' | 'bot_not_admin' | 'bot_cannot_post';

/**
 * Checks the facts: a channel; the person is its creator or an administrator who may post; the
 * bot is an administrator that may post. Edit/delete are reported, not required (formats need them).
 */
export function checkChannelRights(facts: ChannelFacts): Result<BotRights, RightsRefusal> {
  if (facts.type !== 'channel') return fail('not_a_channel');
  const user = facts.user;
  const userOk =
    user.status === 'creator' ||
    (user.status === 'administrator' && user.can_post_messages === true);
  if (!userOk) return fail('user_not_admin');
  const bot = botRightsOf(facts.bot);
  if (bot.status !== 'administrator' && bot.status !== 'creator') return fail('bot_not_admin');
  if (!bot.can_post_messages) return fail('bot_cannot_post');
  return ok(bot);
}

/** Formats the channel offers under its settings (priced fixed formats and the pinned one). */
export function offeredFormats(settings: ChannelSettings): FormatId[] {
  const fixed = Object.keys(settings.prices) as FormatId[];
  return settings.pinned ? [...fixed, `pin:${settings.pinned.hours}`] : fixed;
}

/** Rights the offered formats need that the bot lacks (posting included), in a stable order. */
export function missingRights(rights: BotRights, settings: ChannelSettings): BotRightName[] {
  const needed = new Set<BotRightName>(['can_post_messages']);
  for (const id of offeredFormats(settings)) for (const n of formatSpec(id).needs) needed.add(n);
  return botRightNames.filter((name) => needed.has(name) && !rights[name]);
}
