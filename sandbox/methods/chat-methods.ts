import { randomBytes } from 'node:crypto';
import { badRequest } from '../errors.js';
import { chatMemberObject, isPresent, memberOf } from '../members.js';
import { changeMembership } from '../actions/membership.js';
import {
  chatObject,
  type BotState,
  type ChatState,
  type InviteLink,
  type World,
} from '../world.js';
import { requireMembership, requireRight, resolveChat } from './common.js';
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

function linkObject(link: InviteLink): Record<string, unknown> {
  return { ...link, creator: link.creator };
}

const createChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  if (chat.type === 'private') throw badRequest('chat not found');
  requireRight(bot, chat, 'can_invite_users', 'manage chat invite link');
  if (params.creates_join_request === true && params.member_limit !== undefined) {
    throw badRequest("member_limit can't be specified with creates_join_request");
  }
  const link: InviteLink = {
    invite_link: `https://t.me/+${randomBytes(12).toString('base64url')}`,
    creator: bot.user,
    creates_join_request: params.creates_join_request === true,
    is_primary: false,
    is_revoked: false,
  };
  if (typeof params.name === 'string') link.name = params.name;
  if (typeof params.expire_date === 'number') link.expire_date = params.expire_date;
  if (typeof params.member_limit === 'number') link.member_limit = params.member_limit;
  chat.inviteLinks.set(link.invite_link, link);
  return linkObject(link);
};

const revokeChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  requireRight(bot, chat, 'can_invite_users', 'manage chat invite link');
  const link = chat.inviteLinks.get(params.invite_link as string);
  if (!link) throw badRequest('INVITE_HASH_EXPIRED');
  link.is_revoked = true;
  return linkObject(link);
};

const leaveChat: MethodHandler = ({ world, bot, params }) => {
  const chat = resolveChat(world, bot, params.chat_id);
  if (chat.type === 'private') throw badRequest('chat member status change is not allowed');
  requireMembership(bot, chat);
  changeMembership(world, chat, bot.user.id, { status: 'left', rights: {} }, bot.user);
  return true;
};

/** Chat information, members and invite links. */
export const chatMethods: Record<string, MethodHandler> = {
  getChat,
  getChatMember,
  getChatAdministrators,
  getChatMemberCount,
  createChatInviteLink,
  revokeChatInviteLink,
  leaveChat,
};
