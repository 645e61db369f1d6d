import { randomBytes } from 'node:crypto';
import type { CallbackAnswer, CallbackState } from '../store.js';
import type { InlineButton } from '../types.js';
import { enqueueUpdate } from '../updates.js';
import type { ChatState, World } from '../world.js';

/** Which button to press: its label, a label pattern, or its callback_data. */
export type ButtonMatch = string | RegExp | { data: string };

/** Finds a button on a message's inline keyboard. */
export function findButton(
  buttons: InlineButton[][] | undefined,
  match: ButtonMatch,
): InlineButton | undefined {
  for (const row of buttons ?? []) {
    for (const button of row) {
      if (
        typeof match === 'string'
          ? button.text === match
          : match instanceof RegExp
            ? match.test(button.text)
            : button.callback_data === match.data
      ) {
        return button;
      }
    }
  }
  return undefined;
}

export interface PressResult {
  query: CallbackState;
  /** Resolves with the bot's answerCallbackQuery; rejects when none comes in the TTL. */
  answer: Promise<CallbackAnswer>;
}

/** A user presses a callback button; the bot that sent the message gets `callback_query`. */
export function pressButton(
  world: World,
  userId: number,
  chat: ChatState,
  messageId: number,
  match: ButtonMatch,
): PressResult {
  const user = world.users.get(userId);
  const stored = chat.messages.get(messageId);
  if (!user) throw new Error(`unknown user ${userId}`);
  if (!stored || stored.deleted) throw new Error(`message ${chat.key}/${messageId} not found`);
  const button = findButton(stored.message.reply_markup?.inline_keyboard, match);
  if (!button) throw new Error(`no button ${String(match)} on message ${messageId}`);
  if (button.callback_data === undefined)
    throw new Error(`button "${button.text}" is not a callback button`);
  const bot = world.bots.get(stored.byBotId ?? 0);
  if (!bot) throw new Error(`message ${messageId} was not sent by a bot`);
  const query: CallbackState = {
    id: `${BigInt(userId) * 1000n + BigInt(world.nextId('callback'))}${randomBytes(2).readUInt16BE()}`,
    botId: bot.user.id,
    userId,
    chatKey: chat.key,
    messageId,
    data: button.callback_data,
    createdAtMs: performance.now(),
    answer: null,
    waiters: [],
  };
  if (world.callbacks.size > 1000) forgetOldQueries(world);
  world.callbacks.set(query.id, query);
  const answer = new Promise<CallbackAnswer>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `the bot did not answer the callback query for "${button.text}" within ${world.callbackTtlMs} ms`,
          ),
        ),
      world.callbackTtlMs,
    );
    query.waiters.push((a) => {
      clearTimeout(timer);
      resolve(a);
    });
  });
  answer.catch(() => undefined);
  enqueueUpdate(bot.updates, 'callback_query', {
    id: query.id,
    from: user,
    message: stored.message,
    chat_instance: String(Math.abs(chat.id) * 7 + bot.user.id),
    data: button.callback_data,
  });
  return { query, answer };
}

/** Drops callback queries past their TTL (they can only be refused as "too old" anyway). */
function forgetOldQueries(world: World): void {
  const cutoff = performance.now() - world.callbackTtlMs;
  for (const [id, query] of world.callbacks)
    if (query.createdAtMs < cutoff) world.callbacks.delete(id);
}
