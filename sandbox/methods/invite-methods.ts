import { randomBytes } from 'node:crypto';
import { badRequest } from '../errors.js';
import {
  publicLink,
  type BotState,
  type ChatState,
  type InviteLink,
  type World,
} from '../world.js';
import { requireRight, resolveChat } from './common.js';
import type { MethodHandler } from './context.js';

function linkChat(world: World, bot: BotState, chatId: unknown): ChatState {
  const chat = resolveChat(world, bot, chatId);
  if (chat.type === 'private') throw badRequest('chat not found');
  requireRight(bot, chat, 'can_invite_users', 'manage chat invite link');
  return chat;
}

function newLink(bot: BotState, primary: boolean): InviteLink {
  return {
    invite_link: `https://t.me/+${randomBytes(12).toString('base64url')}`,
    creator: bot.user,
    creates_join_request: false,
    is_primary: primary,
    is_revoked: false,
  };
}

function applyOptions(link: InviteLink, params: Record<string, unknown>): InviteLink {
  if (params.creates_join_request === true && params.member_limit !== undefined) {
    throw badRequest("member_limit can't be specified with creates_join_request");
  }
  if (typeof params.creates_join_request === 'boolean') {
    link.creates_join_request = params.creates_join_request;
  }
  if (typeof params.name === 'string') {
    if (params.name.length > 32) throw badRequest('invite link name is too long');
    link.name = params.name;
  }
  if (typeof params.expire_date === 'number') link.expire_date = params.expire_date;
  if (typeof params.member_limit === 'number') {
    if (params.member_limit < 1 || params.member_limit > 99_999) {
      throw badRequest('member_limit must be between 1 and 99999');
    }
    link.member_limit = params.member_limit;
  }
  return link;
}

const createChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = linkChat(world, bot, params.chat_id);
  const link = applyOptions(newLink(bot, false), params);
  chat.inviteLinks.set(link.invite_link, link);
  return publicLink(link);
};

const editChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = linkChat(world, bot, params.chat_id);
  const link = chat.inviteLinks.get(params.invite_link as string);
  if (!link || link.is_revoked) throw badRequest('INVITE_HASH_EXPIRED');
  return publicLink(applyOptions(link, params));
};

const revokeChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = linkChat(world, bot, params.chat_id);
  const link = chat.inviteLinks.get(params.invite_link as string);
  if (!link) throw badRequest('INVITE_HASH_EXPIRED');
  link.is_revoked = true;
  if (link.is_primary) {
    const next = newLink(bot, true);
    link.is_primary = false;
    chat.inviteLinks.set(next.invite_link, next);
  }
  return publicLink(link);
};

const exportChatInviteLink: MethodHandler = ({ world, bot, params }) => {
  const chat = linkChat(world, bot, params.chat_id);
  for (const link of chat.inviteLinks.values()) if (link.is_primary) link.is_revoked = true;
  for (const link of chat.inviteLinks.values()) link.is_primary = false;
  const link = newLink(bot, true);
  chat.inviteLinks.set(link.invite_link, link);
  return link.invite_link;
};

/** Invite links (they need can_invite_users). */
export const inviteMethods: Record<string, MethodHandler> = {
  createChatInviteLink,
  editChatInviteLink,
  revokeChatInviteLink,
  exportChatInviteLink,
};
