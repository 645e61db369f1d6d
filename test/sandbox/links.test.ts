import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBotApi, startSandbox, type Sandbox } from '../helpers/sandbox.js';

const button = (url: string) => ({ inline_keyboard: [[{ text: 'Open', url }]] });

describe('URL buttons to local hosts', () => {
  let telegramLike: Sandbox;
  let sandboxLike: Sandbox;
  beforeAll(async () => {
    [telegramLike, sandboxLike] = await Promise.all([
      startSandbox(),
      startSandbox({ allowLocalLinks: true }),
    ]);
  });
  afterAll(async () => {
    await telegramLike?.close();
    await sandboxLike?.close();
  });

  const send = (sandbox: Sandbox, url: string, method = 'sendMessage') =>
    callBotApi(sandbox, method, {
      chat_id: sandbox.ids.verifyChatId,
      text: 'Ad',
      reply_markup: button(url),
    });

  it('are refused like Telegram does: 400 "Wrong HTTP URL" naming the URL, nothing posted', async () => {
    for (const url of [
      'http://localhost:3000/r/abc',
      'https://app.localhost/r/abc',
      'http://127.0.0.1:3000/r/abc',
      'http://192.168.1.5/r/abc',
      'http://lytslot/r/abc',
    ]) {
      const before = telegramLike.emulator.messages(telegramLike.ids.verifyChatId).length;
      expect(await send(telegramLike, url)).toEqual({
        ok: false,
        error_code: 400,
        description: `Bad Request: inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`,
      });
      expect(telegramLike.emulator.messages(telegramLike.ids.verifyChatId)).toHaveLength(before);
    }
  });

  it('to public hosts, bare domains and tg:// links are accepted', async () => {
    for (const url of [
      'https://example.com/coffee',
      'example.com/coffee',
      'tg://resolve?domain=x',
    ]) {
      expect((await send(telegramLike, url)).ok, url).toBe(true);
    }
  });

  it('are refused on edits too', async () => {
    const sent = await send(telegramLike, 'https://example.com/coffee');
    const messageId = (sent.result as { message_id: number }).message_id;
    const edited = await callBotApi(telegramLike, 'editMessageReplyMarkup', {
      chat_id: telegramLike.ids.verifyChatId,
      message_id: messageId,
      reply_markup: button('http://localhost:3000/x'),
    });
    expect(edited).toMatchObject({ ok: false, error_code: 400 });
    expect(edited.description).toMatch(/Wrong HTTP URL$/);
  });

  it('are accepted with the sandbox option allowLocalLinks (its redirect and payment pages)', async () => {
    expect((await send(sandboxLike, 'http://127.0.0.1:3000/r/abc')).ok).toBe(true);
    expect((await send(sandboxLike, 'http://localhost:3000/r/abc')).ok).toBe(true);
  });
});
