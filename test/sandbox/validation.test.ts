import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('Bot API request validation', () => {
  let sandbox: Sandbox;
  let chatId: number;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const user = sandbox.user();
    user.send('/start');
    chatId = user.id;
  });
  afterAll(() => sandbox.close());

  const send = (params: Record<string, unknown>) =>
    callBotApi(sandbox, 'sendMessage', { chat_id: chatId, ...params });

  it('refuses callback_data over 64 bytes', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Go', callback_data: 'x'.repeat(65) }]] };
    expect(await send({ text: 'hi', reply_markup: keyboard })).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    const fits = { inline_keyboard: [[{ text: 'Go', callback_data: 'x'.repeat(64) }]] };
    expect((await send({ text: 'hi', reply_markup: fits })).ok).toBe(true);
  });

  it("refuses malformed HTML with can't parse entities", async () => {
    const unclosed = await send({ text: '<b>bold', parse_mode: 'HTML' });
    expect(unclosed.description).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    );
    const unsupported = await send({ text: 'a <br> b', parse_mode: 'HTML' });
    expect(unsupported.description).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "br"/,
    );
    const stray = await send({ text: 'if a < b', parse_mode: 'HTML' });
    expect(stray.error_code).toBe(400);
    expect(stray.description).toMatch(/^Bad Request: can't parse entities: /);
  });

  it('measures length after entity parsing: 4096 passes, 4097 is too long', async () => {
    expect((await send({ text: 'a'.repeat(4096) })).ok).toBe(true);
    expect(await send({ text: 'a'.repeat(4097) })).toMatchObject({
      ok: false,
      description: 'Bad Request: message is too long',
    });
    expect((await send({ text: `<b>${'a'.repeat(4096)}</b>`, parse_mode: 'HTML' })).ok).toBe(true);
  });

  it('refuses empty text, unknown parameters and wrong types', async () => {
    expect((await send({ text: '  ' })).description).toBe('Bad Request: message text is empty');
    expect((await callBotApi(sandbox, 'sendMessage', { chat_id: chatId })).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await send({ text: 'hi', colour: 'red' })).description).toBe(
      'Bad Request: unknown parameter "colour"',
    );
    expect((await send({ text: { nested: true } })).description).toBe(
      'Bad Request: parameter "text" must be of type String',
    );
    const badButton = { inline_keyboard: [[{ text: 'Go', callback_data: 5 }]] };
    expect((await send({ text: 'hi', reply_markup: badButton })).description).toMatch(
      /^Bad Request: .*callback_data.* String/,
    );
    const unknownField = { inline_keyboard: [[{ text: 'Go', callback: 'x' }]] };
    expect((await send({ text: 'hi', reply_markup: unknownField })).ok).toBe(false);
  });

  it('parses JSON-serialized objects from urlencoded bodies', async () => {
    const body = new URLSearchParams({
      chat_id: String(chatId),
      text: 'form',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
      disable_notification: 'true',
    });
    const res = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/sendMessage`, {
      method: 'POST',
      body,
    });
    const json = (await res.json()) as { ok: boolean; result: { reply_markup: unknown } };
    expect(json.ok).toBe(true);
    expect(json.result.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'A', callback_data: 'a' }]],
    });
    const broken = await fetch(
      `${sandbox.apiRoot}/bot${sandbox.token}/sendMessage?chat_id=${chatId}&text=x&reply_markup={oops`,
    );
    expect(((await broken.json()) as { description: string }).description).toMatch(
      /can't parse JSON/,
    );
  });

  it('answers 401 for an unknown token, 404 for an unknown method, 400 for unsupported ones', async () => {
    const unknownToken = await fetch(`${sandbox.apiRoot}/bot123:nope/getMe`);
    expect(unknownToken.status).toBe(401);
    expect(await unknownToken.json()).toEqual({
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
    });
    const unknownMethod = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/getEverything`);
    expect(unknownMethod.status).toBe(404);
    expect(await unknownMethod.json()).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found',
    });
    expect(
      await callBotApi(sandbox, 'sendPoll', {
        chat_id: chatId,
        question: 'Q?',
        options: [{ text: 'a' }, { text: 'b' }],
      }),
    ).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: method is not supported by the sandbox',
    });
    expect((await callBotApi(sandbox, 'sendPoll', { chat_id: chatId })).description).toBe(
      'Bad Request: parameter "question" is required',
    );
  });

  it('answers getMe for the seeded bot, by GET as well', async () => {
    const res = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/getme`);
    const json = (await res.json()) as { result: { username: string; is_bot: boolean } };
    expect(json.result).toMatchObject({ username: 'LytSlotSandboxBot', is_bot: true });
  });

  it("refuses to start a conversation and talks to chats it can't see", async () => {
    const stranger = sandbox.user();
    expect(
      (await callBotApi(sandbox, 'sendMessage', { chat_id: stranger.id, text: 'hi' })).description,
    ).toBe("Forbidden: bot can't initiate conversation with a user");
    expect(
      (await callBotApi(sandbox, 'sendMessage', { chat_id: -1009999, text: 'hi' })).description,
    ).toBe('Bad Request: chat not found');
    stranger.send('/start');
    stranger.block();
    expect(
      (await callBotApi(sandbox, 'sendMessage', { chat_id: stranger.id, text: 'hi' })).description,
    ).toBe('Forbidden: bot was blocked by the user');
  });
});
