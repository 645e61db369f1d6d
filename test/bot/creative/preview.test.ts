import { describe, expect, it } from 'vitest';
import { sendCreativePreview } from '../../../messages/creative-preview.js';
import type { Creative } from '../../../models/creatives/content.js';

function fakeApi() {
  const calls: { method: string; args: unknown[] }[] = [];
  let id = 0;
  const record =
    (method: string, many = false) =>
    (...args: unknown[]) => {
      calls.push({ method, args });
      if (many)
        return Promise.resolve((args[1] as unknown[]).map(() => ({ message_id: (id += 1) })));
      return Promise.resolve({ message_id: (id += 1) });
    };
  const api = {
    sendMessage: record('sendMessage'),
    sendPhoto: record('sendPhoto'),
    sendVideo: record('sendVideo'),
    sendAnimation: record('sendAnimation'),
    sendDocument: record('sendDocument'),
    sendMediaGroup: record('sendMediaGroup', true),
  };
  return { api: api as unknown as Parameters<typeof sendCreativePreview>[0], calls };
}

const marking = { name: 'ИП Петров', inn: '500100732259', erid: 'Z9' };
const line = 'Реклама. ИП Петров, ИНН 500100732259. erid: Z9';

describe('sendCreativePreview', () => {
  it('sends a text with its entities (no parse mode) and the buttons with erid', async () => {
    const { api, calls } = fakeApi();
    const creative: Creative = {
      content: {
        kind: 'text',
        text: '<b>not html</b>',
        entities: [{ type: 'bold', offset: 0, length: 3 }],
      },
      buttons: [[{ text: 'Go', url: 'https://a.example' }]],
    };
    expect(await sendCreativePreview(api, 7, creative, marking)).toEqual([1]);
    expect(calls[0]).toMatchObject({
      method: 'sendMessage',
      args: [
        7,
        `<b>not html</b>\n\n${line}`,
        {
          entities: [{ type: 'bold', offset: 0, length: 3 }],
          reply_markup: { inline_keyboard: [[{ text: 'Go', url: 'https://a.example?erid=Z9' }]] },
        },
      ],
    });
    expect((calls[0]!.args[2] as Record<string, unknown>).parse_mode).toBeUndefined();
  });

  it('sends an album by file ids with the caption on the first item and the buttons after it', async () => {
    const { api, calls } = fakeApi();
    const creative: Creative = {
      content: {
        kind: 'album',
        items: [
          { type: 'photo', file_id: 'P1' },
          { type: 'video', file_id: 'V2' },
        ],
        caption: 'Two',
      },
      buttons: [[{ text: 'Go', url: 'tg://resolve?domain=shop' }]],
    };
    expect(await sendCreativePreview(api, 7, creative, marking, 'Buttons:')).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.method)).toEqual(['sendMediaGroup', 'sendMessage']);
    expect(calls[0]!.args[1]).toEqual([
      // Entities given (none here): the caption goes as typed, never parsed as HTML.
      { type: 'photo', media: 'P1', caption: `Two\n\n${line}`, caption_entities: [] },
      { type: 'video', media: 'V2' },
    ]);
    expect(calls[1]!.args).toEqual([
      7,
      'Buttons:',
      {
        reply_markup: {
          inline_keyboard: [[{ text: 'Go', url: 'tg://resolve?domain=shop&erid=Z9' }]],
        },
      },
    ]);
  });

  it('sends a document by file id without buttons when there are none', async () => {
    const { api, calls } = fakeApi();
    await sendCreativePreview(
      api,
      7,
      { content: { kind: 'document', file_id: 'D' }, buttons: [] },
      null,
    );
    expect(calls).toEqual([{ method: 'sendDocument', args: [7, 'D', {}] }]);
  });
});
