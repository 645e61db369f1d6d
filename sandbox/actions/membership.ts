import { appendMessage } from '../methods/common.js';
import { chatMemberObject, isPresent, memberOf } from '../members.js';
import type { ApiUser } from '../types.js';
import { enqueueUpdate } from '../updates.js';
import {
  chatObject,
  publicLink,
  type ChatState,
  type InviteLink,
  type Member,
  type World,
} from '../world.js';

/**
 * Sets `userId`'s membership in `chat` and sends what Telegram sends: my_chat_member to an affected
 * bot, chat_member to admin bots (when they asked for it), and join/leave service messages in groups.
 */
export function changeMembership(
  world: World,
  chat: ChatState,
  userId: number,
  next: Member,
  by: ApiUser,
  options: { inviteLink?: InviteLink } = {},
): void {
  const user = world.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  const old = memberOf(chat, userId);
  chat.members.set(userId, next);
  world.events.emit('member', { chat, userId, status: next.status });
  const update: Record<string, unknown> = {
    chat: chatObject(world, chat),
    from: by,
    date: world.now(),
    old_chat_member: chatMemberObject(chat, user, old),
    new_chat_member: chatMemberObject(chat, user, next),
  };
  if (options.inviteLink) update.invite_link = publicLink(options.inviteLink);
  const affectedBot = world.bots.get(userId);
  if (affectedBot) enqueueUpdate(affectedBot.updates, 'my_chat_member', update);
  for (const [id, member] of chat.members) {
    const bot = world.bots.get(id);
    if (!bot || id === userId || member.status !== 'administrator') continue;
    enqueueUpdate(bot.updates, 'chat_member', update);
  }
  if (chat.type === 'group' || chat.type === 'supergroup') {
    const joined = !isPresent(old) && isPresent(next);
    const left = isPresent(old) && !isPresent(next);
    if (joined || left) {
      const fields = joined ? { new_chat_members: [user] } : { left_chat_member: user };
      const stored = appendMessage(world, chat, { from: by, ...fields }, null);
      for (const [id, member] of chat.members) {
        const bot = world.bots.get(id);
        if (bot && isPresent(member)) enqueueUpdate(bot.updates, 'message', stored.message);
      }
    }
  }
}

/** A user joins a group or channel, directly or through an invite link (which must still work). */
export function joinChat(world: World, userId: number, chat: ChatState, inviteLink?: string): void {
  const user = world.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  const link = inviteLink === undefined ? undefined : chat.inviteLinks.get(inviteLink);
  if (inviteLink !== undefined) {
    if (!link || link.is_revoked) throw new Error('invite link is invalid or revoked');
    if (link.expire_date !== undefined && link.expire_date <= world.now()) {
      throw new Error('invite link has expired');
    }
    if (link.member_limit !== undefined && (link.joined ?? 0) >= link.member_limit) {
      throw new Error('invite link has reached its member limit');
    }
    link.joined = (link.joined ?? 0) + 1;
  }
  changeMembership(
    world,
    chat,
    userId,
    { status: 'member', rights: {} },
    user,
    link ? { inviteLink: link } : {},
  );
}
