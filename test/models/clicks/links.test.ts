import { describe, expect, it } from 'vitest';
import { linkTargets, newClickCode, rewriteLinks } from '../../../models/clicks/links.js';
import type { Creative } from '../../../models/creatives/content.js';

const codeFor = (index: number) => `https://lyt.test/r/c${index}`;

describe('rewriteLinks', () => {
  const text = 'Coffee at example.com and our menu. Bold!';
  const creative: Creative = {
    content: {
      kind: 'text',
      text,
      entities: [
        { type: 'url', offset: 10, length: 11 },
        { type: 'bold', offset: 36, length: 4 },
        { type: 'text_link', offset: 30, length: 4, url: 'https://shop.test/menu?erid=E1' },
      ],
    },
    buttons: [
      [
        { text: 'Order', url: 'https://shop.test/order?erid=E1' },
        { text: 'Map', url: 'https://maps.test/?erid=E1' },
      ],
      [{ text: 'Call', url: 'https://shop.test/call?erid=E1' }],
    ],
  };

  it('lists the links in link-index order: text entities first, then buttons row by row', () => {
    expect(linkTargets(creative)).toEqual([
      'http://example.com',
      'https://shop.test/menu?erid=E1',
      'https://shop.test/order?erid=E1',
      'https://maps.test/?erid=E1',
      'https://shop.test/call?erid=E1',
    ]);
  });

  it('swaps every link, keeps text, offsets, labels and other entities', () => {
    const seen: [number, string][] = [];
    const out = rewriteLinks(creative, (i, url) => {
      seen.push([i, url]);
      return codeFor(i);
    });
    expect(seen.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
    expect(out.content).toEqual({
      kind: 'text',
      text,
      entities: [
        { type: 'text_link', offset: 10, length: 11, url: codeFor(0) },
        { type: 'bold', offset: 36, length: 4 },
        { type: 'text_link', offset: 30, length: 4, url: codeFor(1) },
      ],
    });
    expect(out.buttons).toEqual([
      [
        { text: 'Order', url: codeFor(2) },
        { text: 'Map', url: codeFor(3) },
      ],
      [{ text: 'Call', url: codeFor(4) }],
    ]);
    // The input is not changed.
    expect(creative.buttons[0]![0]!.url).toBe('https://shop.test/order?erid=E1');
  });

  it('rewrites caption entities of media and keeps a bare url with a scheme as written', () => {
    const out = rewriteLinks(
      {
        content: {
          kind: 'photo',
          file_id: 'F',
          caption: 'See https://a.test/x now',
          caption_entities: [{ type: 'url', offset: 4, length: 16 }],
        },
        buttons: [],
      },
      (i, url) => `${codeFor(i)}#${url}`,
    );
    expect(out.content).toEqual({
      kind: 'photo',
      file_id: 'F',
      caption: 'See https://a.test/x now',
      caption_entities: [
        { type: 'text_link', offset: 4, length: 16, url: `${codeFor(0)}#https://a.test/x` },
      ],
    });
  });

  it('leaves a post without links as it is', () => {
    const plain: Creative = { content: { kind: 'text', text: 'Hello' }, buttons: [] };
    expect(rewriteLinks(plain, codeFor)).toEqual(plain);
    expect(linkTargets(plain)).toEqual([]);
  });
});

describe('newClickCode', () => {
  it('is 16 URL-safe characters and different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newClickCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
