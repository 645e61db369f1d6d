import { type Api, GrammyError } from 'grammy';
import type { ChatFromGetChat, ChatMember } from 'grammy/types';
import type { ChannelFacts, MemberFacts } from '../../../models/channels/rights.js';
import { fail, ok, type Result } from '../../../models/errors.js';

/** Why Telegram would not tell us about the channel. */
export type FactsFailure = 'chat_not_found' | 'bot_not_member' | 'bot_not_admin' | 'telegram_error';

/** A reference to a channel: its id, or its public @username. */
export type ChannelRef = number | `@${string}`;

/** The rights fields of a ChatMember. */
export function memberFacts(member: ChatMember): MemberFacts {
  const admin = member.status === 'administrator' ? member : undefined;
  return {
    status: member.status,
    can_post_messages: admin?.can_post_messages === true,
    can_edit_messages: admin?.can_edit_messages === true,
    can_delete_messages: admin?.can_delete_messages === true,
  };
}

/** Maps Telegram's answer to a failure code (by error_code first, then its description). */
export function factsFailureOf(error: unknown): FactsFailure {
  if (!(error instanceof GrammyError)) return 'telegram_error';
  const description = error.description.toLowerCase();
  if (error.error_code === 403) return 'bot_not_member';
  if (error.error_code === 400 && description.includes('member list is inaccessible'))
    return 'bot_not_admin';
  if (error.error_code === 400 && description.includes('chat not found')) return 'chat_not_found';
  if (error.error_code === 400 && description.includes('username')) return 'chat_not_found';
  return 'telegram_error';
}

/**
 * Asks Telegram what the registration use-case needs: the chat (getChat), the bot's and the
 * person's membership (getChatMember) and the subscriber count (getChatMemberCount).
 */
export async function fetchChannelFacts(
  api: Api,
  ref: ChannelRef,
  userId: number,
  botId: number,
): Promise<Result<ChannelFacts & { chat: ChatFromGetChat }, FactsFailure>> {
  try {
    const chat = await api.getChat(ref);
    const base = {
      chat,
      telegramChatId: chat.id,
      type: chat.type,
      title: 'title' in chat && chat.title ? chat.title : '',
      username: 'username' in chat && chat.username ? chat.username : null,
    };
    if (chat.type !== 'channel') {
      const none = { status: 'left' };
      return ok({ ...base, subscribers: 0, user: none, bot: none });
    }
    const bot = memberFacts(await api.getChatMember(chat.id, botId));
    const user = memberFacts(await api.getChatMember(chat.id, userId));
    const subscribers = await api.getChatMemberCount(chat.id);
    return ok({ ...base, subscribers, user, bot });
  } catch (error) {
    const code = factsFailureOf(error);
    if (code === 'telegram_error' && !(error instanceof GrammyError)) throw error;
    return fail(code);
  }
}
