import { randomBytes } from 'node:crypto';
import type { InlineAnswer, InlineQueryState } from '../store.js';
import { enqueueUpdate } from '../updates.js';
import type { BotState, World } from '../world.js';

export interface InlineQueryResult {
  query: InlineQueryState;
  /** Resolves with the bot's answerInlineQuery; rejects when none comes in time. */
  answer: Promise<InlineAnswer>;
}

/** Longest inline query text Telegram sends (characters). */
export const maxInlineQueryLength = 256;

/**
 * A user types `@bot <query>` in a chat of the given type: the bot gets `inline_query` and its
 * answer (results as sent) is kept on the query. `offset` is the `next_offset` of an earlier answer.
 */
export function sendInlineQuery(
  world: World,
  userId: number,
  bot: BotState,
  text: string,
  options: { offset?: string; chatType?: string } = {},
): InlineQueryResult {
  const user = world.users.get(userId);
  if (!user || user.is_bot) throw new Error(`unknown user ${userId}`);
  const queryText = [...text].slice(0, maxInlineQueryLength).join('');
  const query: InlineQueryState = {
    id: `${BigInt(userId) * 1000n + BigInt(world.nextId('inline'))}${randomBytes(2).readUInt16BE()}`,
    botId: bot.user.id,
    userId,
    query: queryText,
    offset: options.offset ?? '',
    createdAtMs: performance.now(),
    answer: null,
    waiters: [],
  };
  if (world.inlineQueries.size > 1000) {
    const cutoff = performance.now() - world.callbackTtlMs;
    for (const [id, q] of world.inlineQueries)
      if (q.createdAtMs < cutoff) world.inlineQueries.delete(id);
  }
  world.inlineQueries.set(query.id, query);
  const answer = new Promise<InlineAnswer>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `the bot did not answer the inline query "${queryText}" within ${world.callbackTtlMs} ms`,
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
  enqueueUpdate(bot.updates, 'inline_query', {
    id: query.id,
    from: user,
    query: queryText,
    offset: query.offset,
    chat_type: options.chatType ?? 'sender',
  });
  return { query, answer };
}
