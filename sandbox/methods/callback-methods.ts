import { badRequest } from '../errors.js';
import type { CallbackAnswer } from '../store.js';
import type { MethodHandler } from './context.js';

const tooOld = 'query is too old and response timeout expired or query ID is invalid';

const answerCallbackQuery: MethodHandler = ({ world, bot, params }) => {
  const query = world.callbacks.get(params.callback_query_id as string);
  const expired = query && performance.now() - query.createdAtMs > world.callbackTtlMs;
  if (!query || query.botId !== bot.user.id || query.answer || expired) throw badRequest(tooOld);
  if (typeof params.text === 'string' && [...params.text].length > 200) {
    throw badRequest('MESSAGE_TOO_LONG');
  }
  const answer: CallbackAnswer = {};
  if (typeof params.text === 'string') answer.text = params.text;
  if (params.show_alert === true) answer.show_alert = true;
  if (typeof params.url === 'string') answer.url = params.url;
  if (typeof params.cache_time === 'number') answer.cache_time = params.cache_time;
  query.answer = answer;
  for (const waiter of query.waiters.splice(0)) waiter(answer);
  world.events.emit('callback_answer', { query, answer });
  return true;
};

/** Answers to callback queries (inline queries: inline-methods.ts). */
export const callbackMethods: Record<string, MethodHandler> = {
  answerCallbackQuery,
};
