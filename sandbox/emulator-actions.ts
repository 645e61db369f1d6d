import type { Result } from '../models/errors.js';
import { pressButton, type ButtonMatch, type PressResult } from './actions/callbacks.js';
import { deleteChannelPost, editChannelPost, postInChannel, react } from './actions/channel.js';
import { sendInlineQuery, type InlineQueryResult } from './actions/inline.js';
import { changeMembership, joinChat } from './actions/membership.js';
import {
  payInvoice,
  type PaymentFailure,
  type PaymentSuccess,
  type PayOptions,
} from './actions/payments.js';
import { setBlocked } from './actions/private.js';
import {
  createBot,
  createChat,
  createUser,
  removeBot,
  setBotMembership,
  type ChatMemberSpec,
  type CreateBotOptions,
  type CreateUserOptions,
} from './actions/setup.js';
import { userEdit, userSend, type UserContent } from './actions/user-messages.js';
import type { ApiMessage, ApiUser } from './types.js';
import { privateChat, type BotState, type ChatState, type Rights, type World } from './world.js';

export interface ChatRef {
  /** Group/channel id, or a user id for that user's private chat with the bot. */
  chatId?: number;
  /** Which bot's private chat (default: the first bot). */
  botId?: number;
}

/** The in-process API tests and the control API use to build a world and act as people. */
export interface EmulatorActions {
  createBot(options?: CreateBotOptions): { id: number; username: string; token: string };
  createUser(options: CreateUserOptions): ApiUser;
  createGroup(options: {
    title: string;
    ownerId: number;
    members?: ChatMemberSpec[];
    supergroup?: boolean;
    username?: string;
  }): { id: number };
  createChannel(options: {
    title: string;
    ownerId: number;
    username?: string;
    description?: string;
    admins?: { userId: number; rights: Rights }[];
    subscribers?: number;
  }): { id: number };
  defaultBot(): BotState;
  chat(chatId: number, botId?: number): ChatState;
  messages(chatId: number, options?: { botId?: number; includeDeleted?: boolean }): ApiMessage[];
  sendMessage(
    userId: number,
    content: UserContent,
    options?: ChatRef & { replyToMessageId?: number },
  ): ApiMessage;
  editMessage(userId: number, messageId: number, text: string, ref?: ChatRef): ApiMessage;
  pressButton(userId: number, messageId: number, match: ButtonMatch, ref?: ChatRef): PressResult;
  /** The user types `@bot <query>`; the answer (results as sent) resolves the promise. */
  inlineQuery(
    userId: number,
    query: string,
    options?: { offset?: string; chatType?: string; botId?: number },
  ): InlineQueryResult;
  payInvoice(
    userId: number,
    ref: (ChatRef & { messageId: number }) | { link: string },
    options?: PayOptions,
  ): Promise<Result<PaymentSuccess, PaymentFailure>>;
  postInChannel(userId: number, channelId: number, content: UserContent): ApiMessage;
  editChannelPost(channelId: number, messageId: number, text: string): ApiMessage;
  deleteChannelPost(channelId: number, messageId: number): void;
  react(userId: number, chatId: number, messageId: number, emoji: string, botId?: number): void;
  addBotToChat(
    chatId: number,
    options?: { botId?: number; rights?: Rights | null; byUserId?: number },
  ): void;
  setBotRights(
    chatId: number,
    rights: Rights,
    options?: { botId?: number; byUserId?: number },
  ): void;
  removeBotFromChat(
    chatId: number,
    options?: { botId?: number; byUserId?: number; ban?: boolean },
  ): void;
  joinChat(userId: number, chatId: number, options?: { inviteLink?: string }): void;
  leaveChat(userId: number, chatId: number): void;
  setBotBlocked(userId: number, blocked: boolean, botId?: number): void;
  /** The next `count` calls of `method` answer 429 with `retryAfter` (proves auto-retry is installed). */
  failNext(method: string, count: number, retryAfter: number, botId?: number): void;
}

/** Binds the user-side actions to one world. */
export function createEmulatorActions(world: World): EmulatorActions {
  const defaultBot = (): BotState => {
    const first = world.bots.values().next().value;
    if (!first) throw new Error('the sandbox has no bot yet: call createBot() first');
    return first;
  };
  const botOf = (botId?: number): BotState => {
    if (botId === undefined) return defaultBot();
    const bot = world.bots.get(botId);
    if (!bot) throw new Error(`unknown bot ${botId}`);
    return bot;
  };
  const chat = (chatId: number, botId?: number): ChatState => {
    if (chatId > 0) {
      if (!world.users.has(chatId)) throw new Error(`unknown user ${chatId}`);
      return privateChat(world, botOf(botId).user.id, chatId);
    }
    const found = world.chats.get(String(chatId));
    if (!found) throw new Error(`unknown chat ${chatId}`);
    return found;
  };
  const refChat = (userId: number, ref?: ChatRef): ChatState =>
    chat(ref?.chatId ?? userId, ref?.botId);

  return {
    createBot: (options) => createBot(world, options),
    createUser: (options) => createUser(world, options),
    createGroup: (o) => {
      const created = createChat(world, {
        type: o.supergroup === false ? 'group' : 'supergroup',
        title: o.title,
        ownerId: o.ownerId,
        ...(o.username ? { username: o.username } : {}),
        members: o.members ?? [],
      });
      return { id: created.id };
    },
    createChannel: (o) => {
      const created = createChat(world, {
        type: 'channel',
        title: o.title,
        ownerId: o.ownerId,
        ...(o.username ? { username: o.username } : {}),
        ...(o.description ? { description: o.description } : {}),
        members: (o.admins ?? []).map((a) => ({
          userId: a.userId,
          status: 'administrator',
          rights: a.rights,
        })),
        extraMemberCount: o.subscribers ?? 0,
      });
      return { id: created.id };
    },
    defaultBot,
    chat,
    messages: (chatId, options = {}) =>
      [...chat(chatId, options.botId).messages.values()]
        .filter((m) => options.includeDeleted || !m.deleted)
        .map((m) => m.message),
    sendMessage: (userId, content, options = {}) =>
      userSend(world, userId, refChat(userId, options), content, options).message,
    editMessage: (userId, messageId, text, ref) =>
      userEdit(world, userId, refChat(userId, ref), messageId, text).message,
    pressButton: (userId, messageId, match, ref) =>
      pressButton(world, userId, refChat(userId, ref), messageId, match),
    inlineQuery: (userId, query, options = {}) =>
      sendInlineQuery(world, userId, botOf(options.botId), query, options),
    payInvoice: (userId, ref, options) =>
      payInvoice(
        world,
        userId,
        'link' in ref ? ref : { chat: refChat(userId, ref), messageId: ref.messageId },
        options,
      ),
    postInChannel: (userId, channelId, content) =>
      postInChannel(world, userId, chat(channelId), content).message,
    editChannelPost: (channelId, messageId, text) =>
      editChannelPost(world, chat(channelId), messageId, text).message,
    deleteChannelPost: (channelId, messageId) =>
      deleteChannelPost(world, chat(channelId), messageId),
    react: (userId, chatId, messageId, emoji, botId) =>
      react(world, userId, chat(chatId, botId), messageId, emoji),
    addBotToChat: (chatId, options = {}) =>
      setBotMembership(
        world,
        chat(chatId),
        botOf(options.botId).user.id,
        options.rights ?? null,
        options.byUserId,
      ),
    setBotRights: (chatId, rights, options = {}) =>
      setBotMembership(world, chat(chatId), botOf(options.botId).user.id, rights, options.byUserId),
    removeBotFromChat: (chatId, options = {}) =>
      removeBot(world, chat(chatId), botOf(options.botId).user.id, options),
    joinChat: (userId, chatId, options = {}) =>
      joinChat(world, userId, chat(chatId), options.inviteLink),
    leaveChat: (userId, chatId) => {
      const user = world.users.get(userId);
      if (!user) throw new Error(`unknown user ${userId}`);
      changeMembership(world, chat(chatId), userId, { status: 'left', rights: {} }, user);
    },
    setBotBlocked: (userId, blocked, botId) => setBlocked(world, chat(userId, botId), blocked),
    failNext: (method, count, retryAfter, botId) => {
      botOf(botId).forcedErrors.set(method, { count, retryAfter });
    },
  };
}
