import type { TelegramCall } from '../telegram-call.js';

export type { TelegramCall } from '../telegram-call.js';

/** The three Bot API calls the checks make (through the one outbound path). */
export interface VerifyTelegram {
  /** copyMessage: the copy's message id. */
  copyMessage(chatId: number, fromChatId: number, messageId: number): Promise<TelegramCall<number>>;
  deleteMessage(chatId: number, messageId: number): Promise<TelegramCall<true>>;
  /** getChat(chatId).pinned_message?.message_id, null when nothing is pinned. */
  pinnedMessageId(chatId: number): Promise<TelegramCall<number | null>>;
}

/**
 * What a failed copy means. Telegram gives no code to tell a deleted post from other 400s, so the
 * one description "message to copy not found" is early deletion; protected content, lost access,
 * a missing verification chat and anything else are unknown — never deletion.
 */
export function classifyCopyFailure(failure: {
  errorCode: number;
  description: string;
}): 'missing' | 'unknown' {
  return failure.errorCode === 400 && /message to copy not found/i.test(failure.description)
    ? 'missing'
    : 'unknown';
}
