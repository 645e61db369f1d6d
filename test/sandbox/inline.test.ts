import { Bot } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

const article = (id: string, text = 'Hello', extra: Record<string, unknown> = {}) =>
  ({
    type: 'article',
    id,
    title: `Result ${id}`,
    input_message_content: { message_text: text, parse_mode: 'HTML' },
    ...extra,
  }) as InlineQueryResult;

describe('inline mode', () => {
  let sandbox: Sandbox;
  let bot: Bot;
  let reply: (query: string) => InlineQueryResult[];

  beforeEach(async () => {
    sandbox = await startSandbox({ callbackTtlMs: 2_000 });
    bot = new Bot(sandbox.token, { client: { apiRoot: sandbox.apiRoot } });
    reply = (q) => [article('1', `<b>${q}</b>`)];
    bot.on('inline_query', async (ctx) => {
      const results = reply(ctx.inlineQuery.query);
      await ctx
        .answerInlineQuery(results, { cache_time: 5, is_personal: false, next_offset: '1' })
        .catch((e: Error) => ctx.answerInlineQuery([article('err', e.message.slice(0, 200))]));
    });
    void bot.start({ allowed_updates: ['message', 'inline_query'] });
  });
  afterEach(async () => {
    await bot.stop();
    await sandbox.close();
  });

  it('delivers inline_query and keeps the answer for tests and the control API', async () => {
    const alex = sandbox.advertiser();
    const sent = sandbox.emulator.inlineQuery(alex.id, 'olga travels');
    const answer = await sent.answer;
    expect(answer).toMatchObject({ cache_time: 5, is_personal: false, next_offset: '1' });
    expect(answer.results[0]).toMatchObject({ id: '1', title: 'Result 1' });
    expect(sandbox.emulator.world.inlineQueries.get(sent.query.id)?.answer).toEqual(answer);

    const res = await fetch(`${sandbox.apiRoot}/sandbox/api/inline-query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: alex.id, query: 'from the page', offset: '1' }),
    });
    const body = (await res.json()) as {
      ok: boolean;
      result: { queryId: string; answer: { results: { input_message_content: unknown }[] } };
    };
    expect(body.ok).toBe(true);
    expect(body.result.answer.results[0]?.input_message_content).toMatchObject({
      message_text: '<b>from the page</b>',
    });
    const listed = (await (
      await fetch(`${sandbox.apiRoot}/sandbox/api/inline-queries?user=${alex.id}`)
    ).json()) as { result: { query: string; offset: string }[] };
    expect(listed.result.map((q) => [q.query, q.offset])).toEqual([
      ['olga travels', ''],
      ['from the page', '1'],
    ]);
    const me = await callBotApi(sandbox, 'getMe');
    expect(me.result).toMatchObject({ supports_inline_queries: true });
  });

  it('refuses answers Telegram refuses, checked against the spec and its rules', async () => {
    const cases: [InlineQueryResult[], string][] = [
      [[article('a'), article('a')], 'RESULT_ID_DUPLICATE'],
      [Array.from({ length: 51 }, (_, i) => article(String(i))), 'RESULTS_TOO_MUCH'],
      [[article('x'.repeat(65))], 'RESULT_ID_INVALID'],
      [[article('1', '<b>open')], "can't parse entities"],
      [[article('1', '   ')], 'MESSAGE_EMPTY'],
      [
        [
          article('1', 'ok', {
            reply_markup: { inline_keyboard: [[{ text: 'Go', url: 'javascript:alert(1)' }]] },
          }),
        ],
        'BUTTON_URL_INVALID',
      ],
    ];
    for (const [results, error] of cases) {
      reply = () => results;
      const answer = await sandbox.emulator.inlineQuery(sandbox.ids.advertiserId, 'q').answer;
      expect(answer.results[0]).toMatchObject({ id: 'err' });
      const text = (answer.results[0] as { input_message_content: { message_text: string } })
        .input_message_content.message_text;
      expect(text).toContain(error);
    }
    const unknownField = await callBotApi(sandbox, 'answerInlineQuery', {
      inline_query_id: 'nope',
      results: [{ ...article('1'), colour: 'red' }],
    });
    expect(unknownField.ok).toBe(false);
    expect(unknownField.description).not.toContain('query is too old');
  });

  it('answers "query is too old" for unknown, repeated and late answers', async () => {
    const sent = sandbox.emulator.inlineQuery(sandbox.ids.advertiserId, 'once');
    await sent.answer;
    const again = await callBotApi(sandbox, 'answerInlineQuery', {
      inline_query_id: sent.query.id,
      results: [],
    });
    expect(again.description).toContain('query is too old');
    const unknown = await callBotApi(sandbox, 'answerInlineQuery', {
      inline_query_id: '123',
      results: [],
    });
    expect(unknown.description).toContain('query is too old');
  });
});
