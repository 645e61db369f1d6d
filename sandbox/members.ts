import type { ApiUser } from './types.js';
import {
  adminRightNames,
  type AdminRight,
  type ChatState,
  type Member,
  type Rights,
} from './world.js';

const channelOnly = new Set([
  'can_post_messages',
  'can_edit_messages',
  'can_manage_direct_messages',
]);
const groupOnly = new Set(['can_pin_messages', 'can_manage_topics']);

/** Full rights object for a chat type (every boolean present, false unless granted). */
export function fullRights(chat: Pick<ChatState, 'type'>, rights: Rights): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const name of adminRightNames) {
    if (chat.type === 'channel' ? groupOnly.has(name) : channelOnly.has(name)) continue;
    out[name] = rights[name] === true;
  }
  return out;
}

/** The Bot API ChatMember object for `user` in `chat`. */
export function chatMemberObject(
  chat: Pick<ChatState, 'type'>,
  user: ApiUser,
  member: Member,
): Record<string, unknown> {
  switch (member.status) {
    case 'creator':
      return { status: 'creator', user, is_anonymous: false };
    case 'administrator':
      return {
        status: 'administrator',
        user,
        can_be_edited: false,
        ...fullRights(chat, member.rights),
      };
    case 'kicked':
      return { status: 'kicked', user, until_date: 0 };
    default:
      return { status: member.status, user };
  }
}

/** A member's record, `left` when absent. */
export function memberOf(chat: ChatState, userId: number): Member {
  return chat.members.get(userId) ?? { status: 'left', rights: {} };
}

/** True for creator/administrator/member (not left or kicked). */
export function isPresent(member: Member): boolean {
  return (
    member.status === 'creator' || member.status === 'administrator' || member.status === 'member'
  );
}

/** Whether `member` holds `right` (the creator holds them all). */
export function hasRight(member: Member, right: AdminRight): boolean {
  if (member.status === 'creator') return true;
  return member.status === 'administrator' && member.rights[right] === true;
}
