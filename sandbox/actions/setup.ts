import { randomBytes } from 'node:crypto';
import type { ApiUser } from '../types.js';
import { newBotState, newChatState, type ChatState, type Rights, type World } from '../world.js';
import { changeMembership } from './membership.js';

export interface CreateUserOptions {
  id?: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Adds a person. Ids start at 100000001 unless given. */
export function createUser(world: World, options: CreateUserOptions): ApiUser {
  const id = options.id ?? 100_000_000 + world.nextId('user');
  if (world.users.has(id)) throw new Error(`user ${id} already exists`);
  const user: ApiUser = { id, is_bot: false, first_name: options.first_name };
  if (options.last_name) user.last_name = options.last_name;
  if (options.username) user.username = options.username;
  if (options.language_code) user.language_code = options.language_code;
  world.users.set(id, user);
  return user;
}

export interface CreateBotOptions {
  id?: number;
  username?: string;
  first_name?: string;
  token?: string;
}

/** Adds a bot with a token shaped like BotFather's: `<id>:<35 characters>`. */
export function createBot(
  world: World,
  options: CreateBotOptions = {},
): { id: number; username: string; token: string } {
  const id = options.id ?? 7_000_000_000 + world.nextId('bot');
  const username = options.username ?? `sandbox_${id}_bot`;
  const token = options.token ?? `${id}:AA${randomBytes(33).toString('base64url').slice(0, 33)}`;
  const user: ApiUser = { id, is_bot: true, first_name: options.first_name ?? username, username };
  const bot = newBotState(user, token);
  world.users.set(id, user);
  world.bots.set(id, bot);
  world.botsByToken.set(token, bot);
  return { id, username, token };
}

export interface ChatMemberSpec {
  userId: number;
  status?: 'creator' | 'administrator' | 'member';
  rights?: Rights;
}

export interface CreateChatOptions {
  type: 'group' | 'supergroup' | 'channel';
  title: string;
  username?: string;
  description?: string;
  /** The creator (owner). */
  ownerId: number;
  members?: ChatMemberSpec[];
  /** Extra subscribers counted by getChatMemberCount without being modelled. */
  extraMemberCount?: number;
}

/** Creates a group, supergroup or channel with its owner and members (no updates sent). */
export function createChat(world: World, options: CreateChatOptions): ChatState {
  const n = world.nextId('chat');
  const id = options.type === 'group' ? -(4_000_000_000 + n) : -(1_002_000_000_000 + n);
  const chat = newChatState({ key: String(id), id, type: options.type, title: options.title });
  if (options.username) chat.username = options.username;
  if (options.description) chat.description = options.description;
  chat.extraMemberCount = options.extraMemberCount ?? 0;
  chat.members.set(options.ownerId, { status: 'creator', rights: {} });
  for (const m of options.members ?? []) {
    chat.members.set(m.userId, { status: m.status ?? 'member', rights: m.rights ?? {} });
  }
  world.chats.set(chat.key, chat);
  return chat;
}

/** The chat's owner as a user, for `from` of membership changes. */
export function ownerOf(world: World, chat: ChatState): ApiUser {
  for (const [id, m] of chat.members) {
    const user = world.users.get(id);
    if (m.status === 'creator' && user) return user;
  }
  throw new Error(`chat ${chat.id} has no owner`);
}

/** Adds the bot (or changes its rights): channels always make it an administrator. */
export function setBotMembership(
  world: World,
  chat: ChatState,
  botId: number,
  rights: Rights | null,
  byUserId?: number,
): void {
  const by =
    (byUserId !== undefined ? world.users.get(byUserId) : undefined) ?? ownerOf(world, chat);
  const next =
    rights === null && chat.type !== 'channel'
      ? { status: 'member' as const, rights: {} }
      : { status: 'administrator' as const, rights: rights ?? {} };
  changeMembership(world, chat, botId, next, by);
}

/** Removes the bot from the chat (status "left", or "kicked" when banned). */
export function removeBot(
  world: World,
  chat: ChatState,
  botId: number,
  options: { byUserId?: number; ban?: boolean } = {},
): void {
  const by =
    (options.byUserId !== undefined ? world.users.get(options.byUserId) : undefined) ??
    ownerOf(world, chat);
  changeMembership(world, chat, botId, { status: options.ban ? 'kicked' : 'left', rights: {} }, by);
}
