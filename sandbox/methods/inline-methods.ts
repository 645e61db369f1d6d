import { badRequest } from '../errors.js';
import { parseHtml } from '../html.js';
import type { InlineAnswer } from '../store.js';
import { newChatState } from '../world.js';
import { checkReplyMarkup } from './common.js';
import type { MethodHandler } from './context.js';

const tooOld = 'query is too old and response timeout expired or query ID is invalid';
/** Inline keyboards of results are checked like a private chat's. */
const resultChat = newChatState({ key: 'inline', id: 0, type: 'private' });

/** Telegram's checks of one result beyond the spec's types (ids, titles, message text, buttons). */
function checkResult(result: Record<string, unknown>, ids: Set<string>): void {
  const id = String(result.id);
  if (id === '' || Buffer.byteLength(id, 'utf8') > 64) throw badRequest('RESULT_ID_INVALID');
  if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
  ids.add(id);
  if (result.type === 'article' && String(result.title ?? '').trim() === '') {
    throw badRequest('ARTICLE_TITLE_EMPTY');
  }
  const content = result.input_message_content as Record<string, unknown> | undefined;
  if (content && typeof content.message_text === 'string') {
    let text = content.message_text;
    if (content.parse_mode === 'HTML') {
      const parsed = parseHtml(text);
      if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.code}`);
      text = parsed.value.text;
    } else if (content.parse_mode !== undefined) {
      throw badRequest(`parse mode ${String(content.parse_mode)} is not supported by the sandbox`);
    }
    if (text.trim() === '') throw badRequest('MESSAGE_EMPTY');
    if ([...text].length > 4096) throw badRequest('MESSAGE_TOO_LONG');
  }
  checkReplyMarkup(result.reply_markup, resultChat);
}

/**
 * answerInlineQuery: once per query, by the bot that got it, within the query's lifetime (the
 * callback TTL); at most 50 results with unique ids; the answer is kept for tests and the page.
 */
const answerInlineQuery: MethodHandler = ({ world, bot, params }) => {
  const query = world.inlineQueries.get(params.inline_query_id as string);
  const expired = query && performance.now() - query.createdAtMs > world.callbackTtlMs;
  if (!query || query.botId !== bot.user.id || query.answer || expired) throw badRequest(tooOld);
  const results = params.results as Record<string, unknown>[];
  if (results.length > 50) throw badRequest('RESULTS_TOO_MUCH');
  const ids = new Set<string>();
  for (const result of results) checkResult(result, ids);
  const answer: InlineAnswer = { results };
  if (typeof params.next_offset === 'string') {
    if (Buffer.byteLength(params.next_offset, 'utf8') > 64) throw badRequest('NEXT_OFFSET_INVALID');
    answer.next_offset = params.next_offset;
  }
  if (typeof params.cache_time === 'number') answer.cache_time = params.cache_time;
  if (typeof params.is_personal === 'boolean') answer.is_personal = params.is_personal;
  if (params.button !== undefined) answer.button = params.button as Record<string, unknown>;
  query.answer = answer;
  for (const waiter of query.waiters.splice(0)) waiter(answer);
  world.events.emit('inline_answer', { query, answer });
  return true;
};

/** Inline mode: answers to inline queries. */
export const inlineMethods: Record<string, MethodHandler> = { answerInlineQuery };
