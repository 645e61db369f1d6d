import { GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPayload } from '../../telegram/parse-mode.js';
import { testOutbound } from '../helpers/outbound.js';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

const bold = [{ type: 'bold', offset: 0, length: 1 }];

describe('htmlPayload', () => {
  it('sets HTML on a text without parse_mode or entities, and only then', () => {
    expect(htmlPayload('sendMessage', { chat_id: 1, text: '<b>a</b>' })).toEqual({
      chat_id: 1,
      text: '<b>a</b>',
      parse_mode: 'HTML',
    });
    expect(htmlPayload('editMessageText', { text: 'a' })).toEqual({
      text: 'a',
      parse_mode: 'HTML',
    });
    const given = [
      { text: 'a', parse_mode: 'MarkdownV2' },
      { text: 'a', entities: bold },
      { text: 'a <plain>', entities: [] },
    ];
    for (const payload of given) expect(htmlPayload('sendMessage', payload)).toBe(payload);
  });

  it('sets HTML on captions, not on media without one', () => {
    for (const method of ['sendPhoto', 'sendVideo', 'sendDocument', 'copyMessage']) {
      expect(htmlPayload(method, { photo: 'f', caption: '<i>c</i>' })).toEqual({
        photo: 'f',
        caption: '<i>c</i>',
        parse_mode: 'HTML',
      });
    }
    expect(htmlPayload('editMessageCaption', { caption: 'c' })).toMatchObject({
      parse_mode: 'HTML',
    });
    const untouched = [
      { photo: 'f' },
      { photo: 'f', caption: '' },
      { photo: 'f', caption: 'c', caption_entities: [] },
      { photo: 'f', caption: 'c', parse_mode: 'HTML' },
    ];
    for (const payload of untouched) expect(htmlPayload('sendPhoto', payload)).toBe(payload);
    const copy = { chat_id: 1, from_chat_id: 2, message_id: 3 };
    expect(htmlPayload('copyMessage', copy)).toBe(copy);
  });

  it('sets HTML on each captioned item of an album and on an edited medium', () => {
    const media = [
      { type: 'photo', media: 'a', caption: '<b>first</b>' },
      { type: 'photo', media: 'b' },
      { type: 'photo', media: 'c', caption: 'as typed', caption_entities: bold },
    ];
    expect(htmlPayload('sendMediaGroup', { chat_id: 1, media })).toEqual({
      chat_id: 1,
      media: [{ ...media[0], parse_mode: 'HTML' }, media[1], media[2]],
    });
    expect(
      htmlPayload('editMessageMedia', { media: { type: 'photo', media: 'a', caption: 'c' } }),
    ).toEqual({ media: { type: 'photo', media: 'a', caption: 'c', parse_mode: 'HTML' } });
  });

  it('leaves plain-text methods alone (callback answers, invoices, inline results)', () => {
    const payloads: [string, Record<string, unknown>][] = [
      ['answerCallbackQuery', { callback_query_id: '1', text: 'A & <B>' }],
      ['sendInvoice', { chat_id: 1, title: 'A & B', description: '<x>' }],
      ['setMyCommands', { commands: [{ command: 'a', description: 'a & b' }] }],
    ];
    for (const [method, payload] of payloads) expect(htmlPayload(method, payload)).toBe(payload);
  });
});

describe('the outbound gateway sends HTML by default (emulator)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('formats texts and captions, keeps entities-only text plain, refuses malformed HTML', async () => {
    const { api } = testOutbound(sandbox);
    const user = sandbox.user();
    const photo = user.send({ photo: true }).photo as { file_id: string }[];
    const fileId = photo[0]?.file_id ?? '';

    const text = await api.sendMessage(user.id, '<b>Hi</b> &amp; you');
    expect(text.text).toBe('Hi & you');
    expect(text.entities).toEqual([{ type: 'bold', offset: 0, length: 2 }]);

    const plain = await api.sendMessage(user.id, 'a <b>post & 1 < 2', { entities: [] });
    expect(plain.text).toBe('a <b>post & 1 < 2');
    expect(plain.entities ?? []).toEqual([]);

    const captioned = await api.sendPhoto(user.id, fileId, { caption: '<i>caption</i>' });
    expect(captioned.caption).toBe('caption');
    expect(captioned.caption_entities).toEqual([{ type: 'italic', offset: 0, length: 7 }]);
    const album = await api.sendMediaGroup(user.id, [
      { type: 'photo', media: fileId, caption: '<u>album</u>' },
      { type: 'photo', media: fileId },
    ]);
    expect(album[0]?.caption).toBe('album');
    expect(album[0]?.caption_entities).toEqual([{ type: 'underline', offset: 0, length: 5 }]);

    const malformed = api.sendMessage(user.id, 'A&B <x>');
    await expect(malformed).rejects.toBeInstanceOf(GrammyError);
    await expect(malformed).rejects.toThrow(/can't parse entities/);
  });
});
