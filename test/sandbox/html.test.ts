import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../sandbox/html.js';
import { prepareText } from '../../sandbox/text.js';

describe("Telegram's HTML subset", () => {
  it('produces entities with UTF-16 offsets', () => {
    const parsed = parseHtml(
      '😀 <b>bold <i>both</i></b> <a href="https://e.x/?a=1&amp;b=2">link</a> &lt;3 &#x1F600;',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        text: '😀 bold both link <3 😀',
        entities: [
          { type: 'bold', offset: 3, length: 9 },
          { type: 'italic', offset: 8, length: 4 },
          { type: 'text_link', offset: 13, length: 4, url: 'https://e.x/?a=1&b=2' },
        ],
      },
    });
  });

  it('knows spoilers, code blocks with a language, quotes and custom emoji', () => {
    const parsed = parseHtml(
      '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler><pre><code class="language-ts">x</code></pre><blockquote expandable>q</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji><s>d</s><u>u</u><code>c</code>',
    );
    expect(
      parsed.ok &&
        parsed.value.entities.map((e) => [e.type, e.offset, e.language ?? e.custom_emoji_id]),
    ).toEqual([
      ['spoiler', 0, undefined],
      ['spoiler', 1, undefined],
      ['pre', 2, 'ts'],
      ['expandable_blockquote', 3, undefined],
      ['custom_emoji', 4, '5368324170671202286'],
      ['strikethrough', 6, undefined],
      ['underline', 7, undefined],
      ['code', 8, undefined],
    ]);
  });

  it("reports Telegram's parse errors", () => {
    expect(parseHtml('<b>x')).toEqual({
      ok: false,
      code: 'Can\'t find end tag corresponding to start tag "b"',
    });
    expect(parseHtml('<b>x</i>')).toEqual({
      ok: false,
      code: 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    });
    expect(parseHtml('x</b>')).toEqual({ ok: false, code: 'Unexpected end tag at byte offset 1' });
    expect(parseHtml('<div>x</div>')).toEqual({
      ok: false,
      code: 'Unsupported start tag "div" at byte offset 0',
    });
    expect(parseHtml('1 < 2')).toEqual({
      ok: false,
      code: 'Unsupported start tag "" at byte offset 2',
    });
    expect(parseHtml('<b')).toEqual({ ok: false, code: 'Unclosed start tag at byte offset 0' });
    expect(parseHtml('<span>x</span>')).toEqual({
      ok: false,
      code: 'Tag "span" must have class "tg-spoiler"',
    });
  });

  it('keeps unknown entities literal, as Telegram does', () => {
    expect(parseHtml('a &nbsp; &amp b')).toEqual({
      ok: true,
      value: { text: 'a &nbsp; &amp b', entities: [] },
    });
  });

  it('trims, detects commands and links, and checks limits', () => {
    expect(prepareText('  /start now https://lytslot.example  ', { kind: 'text' })).toEqual({
      text: '/start now https://lytslot.example',
      entities: [
        { type: 'bot_command', offset: 0, length: 6 },
        { type: 'url', offset: 11, length: 23 },
      ],
    });
    expect(() => prepareText('x'.repeat(1025), { kind: 'caption' })).toThrow(
      'Bad Request: message caption is too long',
    );
    expect(() => prepareText('*x*', { kind: 'text', parseMode: 'MarkdownV2' })).toThrow(
      /not supported by the sandbox/,
    );
  });
});
