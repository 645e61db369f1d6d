import { badRequest } from '../errors.js';
import { chatMemberObject, isPresent, memberOf } from '../members.js';
import { changeMembership } from '../actions/membership.js';
import { chatObject, type BotState, type ChatState, type World } from '../world.js';
import { requireMembership, resolveChat } from './common.js';
import type { MethodHandler } from './context.js';

function requireMemberList(bot: BotState, chat: ChatState): void {
  if (chat.type === 'private') return;
  const member = memberOf(chat, bot.user.id);
  if (chat.type === 'channel' && member.status !== 'administrator') {
    throw badRequest('member list is inaccessible');
  }
  requireMembership(bot, chat);
}

function memberCount(chat: ChatState): number {
  if (chat.type === 'private') return 2;
  let n = chat.extraMemberCount;
  for (const member of chat.members.values()) if (isPresent(member)) n++;
  return n;
}

const getChat: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  const info: Record<string, unknown> = {
    ...chatObject(world, chat),
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  };
  if (chat.description) info.description = chat.description;
  const pinnedId = chat.pinned[chat.pinned.length - 1];
  const pinned = pinnedId === undefined ? undefined : chat.messages.get(pinnedId);
  if (pinned && !pinned.deleted) info.pinned_message = pinned.message;
  return info;
};

function userOf(world: World, id: unknown): NonNullable<ReturnType<World['users']['get']>> {
  const user = world.users.get(Number(id));
  if (!user) throw badRequest('user not found');
  return user;
}

const getChatMember: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireMemberList(bot, chat);
  const user = userOf(world, params.user_id);
  if (chat.type === 'private') {
    if (user.id !== chat.userId && user.id !== bot.user.id) throw badRequest('user not found');
    return { status: 'member', user };
  }
  return chatMemberObject(chat, user, memberOf(chat, user.id));
};

const getChatAdministrators: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireMemberList(bot, chat);
  const out: Record<string, unknown>[] = [];
  for (const [id, member] of chat.members) {
    if (member.status !== 'creator' && member.status !== 'administrator') continue;
    const user = world.users.get(id);
    if (user) out.push(chatMemberObject(chat, user, member));
  }
  return out;
};

const getChatMemberCount: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  if (chat.type !== 'private' && !chat.username) requireMembership(bot, chat);
  return memberCount(chat);
};

const leaveChat: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  if (chat.type === 'private') throw badRequest('chat member status change is not allowed');
  requireMembership(bot, chat);
  changeMembership(world, chat, bot.user.id, { status: 'left', rights: {} }, bot.user);
  return true;
};

/** Chat information and members. */
export const chatMethods: Record<string, MethodHandler> = {
  getChat,
  getChatMember,
  getChatAdministrators,
  getChatMemberCount,
  leaveChat,
};
