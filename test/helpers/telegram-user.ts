import type { Result } from '../../models/errors.js';
import type { PaymentFailure, PaymentSuccess } from '../../sandbox/actions/payments.js';
import type { UserContent } from '../../sandbox/actions/user-messages.js';
import type { Emulator } from '../../sandbox/emulator.js';
import {
  createChatSession,
  describeMessage,
  type ChatSession,
} from '../../sandbox/chat-session.js';
import type { ApiMessage, ApiUser } from '../../sandbox/types.js';
import type { ChatState, Rights } from '../../sandbox/world.js';

export type { ChatSession, MessageMatch, WaitOptions } from '../../sandbox/chat-session.js';
export { describeMessage } from '../../sandbox/chat-session.js';

/** A scripted Telegram user talking to the bot. */
export interface TestUser extends ChatSession {
  readonly id: number;
  readonly user: ApiUser;
  /** Sends text (commands get bot_command entities), a sticker, a photo, a document or a forward. */
  send(content: UserContent | { forwardFrom: ApiMessage }): ApiMessage;
  /** Edits one of this user's messages in the private chat (the bot gets edited_message). */
  edit(messageId: number, text: string): ApiMessage;
  /** Pays the newest invoice in the private chat (or the given message/link); `lostUpdate`: the bot never hears of it. */
  pay(target?: {
    messageId?: number;
    link?: string;
    lostUpdate?: boolean;
  }): Promise<Result<PaymentSuccess, PaymentFailure>>;
  /** Acts in a group, a channel or the admin chat. */
  inChat(chatId: number): ChatSession & { send(content: UserContent): ApiMessage };
  /** Creates a channel this user owns. */
  createChannel(options: { title: string; username?: string; subscribers?: number }): TestChannel;
  /** A channel this user owns or administers. */
  channel(chatId: number): TestChannel;
  /** Joins a group or channel, directly or via an invite link (chat_member to admin bots). */
  join(chatId: number, inviteLink?: string): void;
  leave(chatId: number): void;
  block(): void;
  unblock(): void;
}

/** Channel actions done by its owner or an admin. */
export interface TestChannel {
  readonly id: number;
  post(content: UserContent): ApiMessage;
  edit(messageId: number, text: string): ApiMessage;
  delete(messageId: number): void;
  addBot(rights?: Rights): void;
  setBotRights(rights: Rights): void;
  removeBot(): void;
  react(messageId: number, emoji?: string, byUserId?: number): void;
  messages(): ApiMessage[];
  pinnedIds(): number[];
}

/** Wraps a sandbox user in the scripted-person API. */
export function createTestUser(emulator: Emulator, user: ApiUser, botId: number): TestUser {
  const privateState = (): ChatState => emulator.chat(user.id, botId);
  const session = createChatSession(emulator, privateState, user.id, botId);
  const channel = (chatId: number): TestChannel => ({
    id: chatId,
    post: (content) => emulator.postInChannel(user.id, chatId, content),
    edit: (messageId, text) => emulator.editChannelPost(chatId, messageId, text),
    delete: (messageId) => emulator.deleteChannelPost(chatId, messageId),
    addBot: (
      rights = { can_post_messages: true, can_edit_messages: true, can_delete_messages: true },
    ) => emulator.addBotToChat(chatId, { botId, rights, byUserId: user.id }),
    setBotRights: (rights) => emulator.setBotRights(chatId, rights, { botId, byUserId: user.id }),
    removeBot: () => emulator.removeBotFromChat(chatId, { botId, byUserId: user.id }),
    react: (messageId, emoji = '👍', byUserId = user.id) =>
      emulator.react(byUserId, chatId, messageId, emoji),
    messages: () => emulator.messages(chatId),
    pinnedIds: () => [...emulator.chat(chatId).pinned],
  });
  return {
    ...session,
    id: user.id,
    user,
    send(content) {
      if (
        typeof content === 'object' &&
        'forwardFrom' in content &&
        'message_id' in content.forwardFrom
      ) {
        const m = content.forwardFrom;
        return emulator.sendMessage(
          user.id,
          { forwardFrom: { chatId: m.chat.id, messageId: m.message_id } },
          { botId },
        );
      }
      return emulator.sendMessage(user.id, content as UserContent, { botId });
    },
    edit: (messageId, text) => emulator.editMessage(user.id, messageId, text, { botId }),
    pay(target = {}) {
      const options = { lostUpdate: target.lostUpdate === true };
      if (target.link) return emulator.payInvoice(user.id, { link: target.link }, options);
      const invoice =
        target.messageId ?? [...session.botMessages()].reverse().find((m) => m.invoice)?.message_id;
      if (invoice === undefined)
        throw new Error(
          `No invoice in ${user.first_name}'s chat with the bot. Bot messages:\n${session
            .botMessages()
            .map((m) => `  ${describeMessage(m)}`)
            .join('\n')}`,
        );
      return emulator.payInvoice(user.id, { messageId: invoice, botId }, options);
    },
    inChat(chatId) {
      const s = createChatSession(emulator, () => emulator.chat(chatId), user.id, botId);
      return {
        ...s,
        chatId,
        send: (content: UserContent) => emulator.sendMessage(user.id, content, { chatId, botId }),
      };
    },
    createChannel(options) {
      const created = emulator.createChannel({
        title: options.title,
        ownerId: user.id,
        ...(options.username ? { username: options.username } : {}),
        subscribers: options.subscribers ?? 0,
      });
      return channel(created.id);
    },
    channel,
    join: (chatId, inviteLink) =>
      emulator.joinChat(user.id, chatId, inviteLink ? { inviteLink } : {}),
    leave: (chatId) => emulator.leaveChat(user.id, chatId),
    block: () => emulator.setBotBlocked(user.id, true, botId),
    unblock: () => emulator.setBotBlocked(user.id, false, botId),
  };
}
