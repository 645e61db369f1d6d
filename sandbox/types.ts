/** Bot API shapes the emulator produces (loose: only what it reads itself is typed). */
export interface ApiUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface ApiChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: ApiUser;
  language?: string;
  custom_emoji_id?: string;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  [key: string]: unknown;
}

export interface ReplyMarkup {
  inline_keyboard?: InlineButton[][];
  [key: string]: unknown;
}

export interface ApiMessage {
  message_id: number;
  date: number;
  chat: ApiChat;
  from?: ApiUser;
  sender_chat?: ApiChat;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: ReplyMarkup;
  edit_date?: number;
  media_group_id?: string;
  [key: string]: unknown;
}

export type ApiUpdate = { update_id: number } & Record<string, unknown>;

/** Update kinds Telegram leaves out unless allowed_updates names them. */
export const optInUpdates = ['chat_member', 'message_reaction', 'message_reaction_count'] as const;
