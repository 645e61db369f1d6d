import { describe, expect, it } from 'vitest';
import type { Creative } from '../../../models/creatives/content.js';
import { checkCreativeLength, renderCreative } from '../../../models/creatives/render.js';

const marking = { name: 'ИП Иванов', inn: '500100732259', erid: 'Kra23f3QL' };
const line = 'Реклама. ИП Иванов, ИНН 500100732259. erid: Kra23f3QL';

describe('renderCreative', () => {
  it('leaves the creative untouched without marking', () => {
    const creative: Creative = { content: { kind: 'text', text: 'Hi' }, buttons: [] };
    expect(renderCreative(creative, null)).toBe(creative);
  });

  it('appends the marking line after a blank line; entity offsets (UTF-16) stay valid', () => {
    // «😀» is two UTF-16 units: the bold entity starts after it.
    const text = '😀 Big sale at shop.example and here';
    const creative: Creative = {
      content: {
        kind: 'text',
        text,
        entities: [
          { type: 'bold', offset: 3, length: 8 },
          { type: 'url', offset: 15, length: 12 },
          { type: 'text_link', offset: 32, length: 4, url: 'https://b.example/p?x=1' },
        ],
      },
      buttons: [[{ text: 'Buy', url: 'https://shop.example/buy' }]],
    };
    const out = renderCreative(creative, marking);
    if (out.content.kind !== 'text') throw new Error('kind changed');
    expect(out.content.text).toBe(`${text}\n\n${line}`);
    const [bold, url, link] = out.content.entities ?? [];
    expect(out.content.text.slice(bold!.offset, bold!.offset + bold!.length)).toBe('Big sale');
    // A bare URL becomes a text link over the same visible text, pointing at the erid URL.
    expect(url).toEqual({
      type: 'text_link',
      offset: 15,
      length: 12,
      url: 'http://shop.example?erid=Kra23f3QL',
    });
    expect(link!.url).toBe('https://b.example/p?x=1&erid=Kra23f3QL');
    expect(out.buttons).toEqual([
      [{ text: 'Buy', url: 'https://shop.example/buy?erid=Kra23f3QL' }],
    ]);
    // The input is not mutated.
    expect(creative.buttons[0]![0]!.url).toBe('https://shop.example/buy');
  });

  it('puts the marking line in the caption of media, or makes it the caption', () => {
    const photo: Creative = {
      content: {
        kind: 'photo',
        file_id: 'F',
        caption: 'New',
        caption_entities: [{ type: 'italic', offset: 0, length: 3 }],
      },
      buttons: [],
    };
    expect(renderCreative(photo, marking).content).toEqual({
      kind: 'photo',
      file_id: 'F',
      caption: `New\n\n${line}`,
      caption_entities: [{ type: 'italic', offset: 0, length: 3 }],
    });
    const bare: Creative = { content: { kind: 'video', file_id: 'V' }, buttons: [] };
    expect(renderCreative(bare, marking).content).toEqual({
      kind: 'video',
      file_id: 'V',
      caption: line,
    });
  });
});

describe('length limits after the marking line', () => {
  it('a 4096-character text fits alone but is too long once marked, saying how much to cut', () => {
    const creative: Creative = { content: { kind: 'text', text: 'a'.repeat(4096) }, buttons: [] };
    expect(checkCreativeLength(creative, null).ok).toBe(true);
    const over = 2 + line.length;
    expect(checkCreativeLength(creative, marking)).toEqual({
      ok: false,
      code: 'too_long',
      detail: { length: 4096 + over, max: 4096, over },
    });
    const fits: Creative = {
      content: { kind: 'text', text: 'a'.repeat(4096 - over) },
      buttons: [],
    };
    expect(checkCreativeLength(fits, marking).ok).toBe(true);
  });

  it('captions are limited to 1024, counted in UTF-16 units', () => {
    const caption = '😀'.repeat(500); // 1000 units
    const creative: Creative = { content: { kind: 'photo', file_id: 'F', caption }, buttons: [] };
    expect(checkCreativeLength(creative, null).ok).toBe(true);
    expect(checkCreativeLength(creative, marking)).toMatchObject({
      ok: false,
      detail: { max: 1024, over: 1000 + 2 + line.length - 1024 },
    });
  });

  it('a 5 000-character text is too long even without marking', () => {
    const creative: Creative = { content: { kind: 'text', text: 'b'.repeat(5000) }, buttons: [] };
    expect(checkCreativeLength(creative, null)).toMatchObject({ ok: false, detail: { over: 904 } });
  });
});
