import { chatMemberObject } from '../members.js';
import { enqueueUpdate } from '../updates.js';
import { chatObject, type ChatState, type World } from '../world.js';

/** The user blocks (or unblocks) the bot; the bot gets my_chat_member (kicked ↔ member). */
export function setBlocked(world: World, chat: ChatState, blocked: boolean): void {
  if (chat.type !== 'private' || chat.blocked === blocked) return;
  const bot = world.bots.get(chat.botId ?? 0);
  const user = world.users.get(chat.userId ?? 0);
  if (!bot || !user) return;
  chat.blocked = blocked;
  world.events.emit('member', { chat, userId: bot.user.id, status: blocked ? 'kicked' : 'member' });
  if (!blocked) chat.started = true;
  const member = (status: 'member' | 'kicked') =>
    chatMemberObject(chat, bot.user, { status, rights: {} });
  enqueueUpdate(bot.updates, 'my_chat_member', {
    chat: chatObject(world, chat),
    from: user,
    date: world.now(),
    old_chat_member: member(blocked ? 'member' : 'kicked'),
    new_chat_member: member(blocked ? 'kicked' : 'member'),
  });
}
