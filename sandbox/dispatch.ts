import type { ApiMessage } from './types.js';
import { enqueueUpdate } from './updates.js';
import { type BotState, type ChatState, type World } from './world.js';
import { isPresent, memberOf } from './members.js';

/**
 * Privacy mode (on for every bot, as BotFather's default): in a group where the bot is not an admin
 * it only sees commands, replies to its own messages, mentions of it and service messages.
 */
function seesGroupMessage(bot: BotState, chat: ChatState, message: ApiMessage): boolean {
  const member = memberOf(chat, bot.user.id);
  if (member.status === 'administrator' || member.status === 'creator') return true;
  const text = message.text ?? message.caption;
  if (text === undefined) return true;
  if (text.startsWith('/')) return true;
  const reply = message.reply_to_message as ApiMessage | undefined;
  if (reply?.from?.id === bot.user.id) return true;
  return text.toLowerCase().includes(`@${(bot.user.username ?? '').toLowerCase()}`);
}

/** Queues an update of `kind` for every bot that can see `chat` (private: its bot; channels: admin bots). */
export function notifyBots(world: World, chat: ChatState, kind: string, payload: unknown): void {
  if (chat.type === 'private') {
    const bot = world.bots.get(chat.botId ?? 0);
    if (bot) enqueueUpdate(bot.updates, kind, payload);
    return;
  }
  for (const [userId, member] of chat.members) {
    const bot = world.bots.get(userId);
    if (!bot || !isPresent(member)) continue;
    if (chat.type === 'channel' && member.status !== 'administrator') continue;
    const isMessage = kind === 'message' || kind === 'edited_message';
    if (
      isMessage &&
      chat.type !== 'channel' &&
      !seesGroupMessage(bot, chat, payload as ApiMessage)
    ) {
      continue;
    }
    enqueueUpdate(bot.updates, kind, payload);
  }
}
