import { appendMessage } from '../methods/common.js';
import { chatMemberObject, isPresent, memberOf } from '../members.js';
import type { ApiUser } from '../types.js';
import { enqueueUpdate } from '../updates.js';
import { chatObject, type ChatState, type InviteLink, type Member, type World } from '../world.js';

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
  const update: Record<string, unknown> = {
    chat: chatObject(world, chat),
    from: by,
    date: world.now(),
    old_chat_member: chatMemberObject(chat, user, old),
    new_chat_member: chatMemberObject(chat, user, next),
  };
  if (options.inviteLink) update.invite_link = { ...options.inviteLink };
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
