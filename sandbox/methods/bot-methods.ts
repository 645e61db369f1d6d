import { badRequest } from '../errors.js';
import { pollUpdates, type PollParams } from '../updates.js';
import type { BotState } from '../world.js';
import type { MethodHandler } from './context.js';

const getMe: MethodHandler = ({ bot }) => ({
  ...bot.user,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true, // every sandbox bot has inline mode on (BotFather /setinline)
  can_connect_to_business: false,
  has_main_web_app: false,
});

const getUpdates: MethodHandler = ({ bot, params, signal }) =>
  pollUpdates(bot.updates, params as PollParams, signal);

function commandsKey(params: Record<string, unknown>): string {
  const scope = (params.scope as Record<string, unknown> | undefined) ?? { type: 'default' };
  const lang = typeof params.language_code === 'string' ? params.language_code : '';
  if (lang !== '' && !/^[a-z]{2}$/.test(lang)) throw badRequest('LANG_CODE_INVALID');
  return `${String(scope.type)}|${String(scope.chat_id ?? '')}|${String(scope.user_id ?? '')}|${lang}`;
}

const setMyCommands: MethodHandler = ({ bot, params }) => {
  const commands = params.commands as { command: string; description: string }[];
  if (commands.length > 100) throw badRequest('too many commands');
  for (const { command, description } of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.length < 1 || description.length > 256) {
      throw badRequest('command description must be 1-256 characters');
    }
  }
  const key = commandsKey(params);
  if (commands.length === 0) bot.commands.delete(key);
  else bot.commands.set(key, commands);
  return true;
};

const getMyCommands: MethodHandler = ({ bot, params }) =>
  bot.commands.get(commandsKey(params)) ?? [];

const deleteMyCommands: MethodHandler = ({ bot, params }) => {
  bot.commands.delete(commandsKey(params));
  return true;
};

const setChatMenuButton: MethodHandler = ({ bot, params }) => {
  bot.menuButtons.set(String(params.chat_id ?? ''), params.menu_button ?? { type: 'default' });
  return true;
};

const getChatMenuButton: MethodHandler = ({ bot, params }) =>
  bot.menuButtons.get(String(params.chat_id ?? '')) ?? { type: 'commands' };

/**
 * The commands a client shows in a chat, in Telegram's order of precedence: the chat's own scope,
 * then all private/group chats, then default — each first in the user's language, then without one.
 */
export function visibleCommands(
  bot: BotState,
  where: { userId: number } | { chatId: number },
  language: string,
): unknown[] {
  const langs = language ? [language, ''] : [''];
  const scopes =
    'userId' in where
      ? [`chat|${where.userId}|`, 'all_private_chats||', 'default||']
      : [`chat|${where.chatId}|`, 'all_group_chats||', 'default||'];
  for (const scope of scopes) {
    for (const lang of langs) {
      const found = bot.commands.get(`${scope}|${lang}`);
      if (found) return found;
    }
  }
  return [];
}

/** The bot itself: identity, updates, commands, menu button. */
export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getUpdates,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
};
