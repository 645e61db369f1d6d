// What the page knows: actors, who you are, the open chat and its messages.

export const state = {
  /** `GET actors`: {bots, users, chats} (chats are groups and channels with members). */
  actors: { bots: [], users: [], chats: [] },
  /** The user you act as. */
  me: null,
  /** The open chat: {type, id, botId?} (a private chat's id is the user's id). */
  chat: null,
  /** The open chat's view from the emulator (pinned, members, replyKeyboard…). */
  chatView: null,
  /** message_id → message of the open chat. */
  messages: new Map(),
  /** chatKey → unread count for your other chats. */
  unread: new Map(),
  /** message_id → invoice payment outcome ({pending} | {ok, amount} | {ok: false, error}). */
  payments: new Map(),
  /** `${message_id}:${callback_data}` of buttons waiting for the bot's answer. */
  pending: new Set(),
  /** Callback query ids whose answer was already shown (the POST and the event both carry it). */
  shownAnswers: new Set(),
  /** false once the emulator said it has no commands endpoint. */
  commandsSupported: true,
};

/** The person you act as. */
export const meUser = () => state.actors.users.find((u) => u.id === state.me);

/** The chat ref an event's chat view stands for. */
export const refOfView = (view) =>
  view.type === 'private'
    ? { type: 'private', id: view.userId ?? view.id, botId: view.botId }
    : { type: view.type, id: view.id };

/** Query string selecting the open chat for `GET messages` / the body fields for POSTs. */
export function chatQuery(ref) {
  return ref.type === 'private' ? `chat=${ref.id}&bot=${ref.botId}` : `chat=${ref.id}`;
}
export function chatBody(ref) {
  return ref.type === 'private' ? { chatId: ref.id, botId: ref.botId } : { chatId: ref.id };
}
