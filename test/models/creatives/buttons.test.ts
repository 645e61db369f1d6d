import { describe, expect, it } from 'vitest';
import {
  layoutButtons,
  parseButtonInput,
  validateButtonUrl,
} from '../../../models/creatives/buttons.js';

describe('button URLs', () => {
  it.each([
    'https://example.com',
    'http://shop.example/x?y=1',
    'tg://resolve?domain=shop',
    'HTTPS://Example.com/a',
  ])('accepts %s', (url) => {
    expect(validateButtonUrl(url).ok).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript'],
    ['data:text/html,hi', 'data'],
    ['ftp://files.example/x', 'ftp'],
    ['file:///etc/passwd', 'file'],
  ])('refuses the scheme of %s', (url, scheme) => {
    expect(validateButtonUrl(url)).toEqual({ ok: false, code: 'url_scheme', detail: { scheme } });
  });

  it.each(['example.com', 'https://', 'https://localhost', 'https://exa mple.com', 'tg://', ''])(
    'refuses the malformed %s',
    (url) => {
      expect(validateButtonUrl(url)).toMatchObject({ ok: false, code: 'url_invalid' });
    },
  );
});

describe('typed buttons', () => {
  it('reads «label — URL» with any dash or a bar', () => {
    for (const text of [
      'Buy now — https://a.example',
      'Buy now - https://a.example',
      'Buy now | https://a.example',
      'Buy now\nhttps://a.example',
    ]) {
      expect(parseButtonInput(text)).toEqual({
        ok: true,
        value: { text: 'Buy now', url: 'https://a.example' },
      });
    }
  });

  it('a label alone asks for the URL; a URL alone needs a label', () => {
    expect(parseButtonInput('Buy now')).toEqual({
      ok: false,
      code: 'no_url',
      detail: { label: 'Buy now' },
    });
    expect(parseButtonInput('https://a.example')).toMatchObject({ ok: false, code: 'label_empty' });
  });

  it('refuses long labels and bad URLs', () => {
    expect(parseButtonInput(`${'x'.repeat(65)} — https://a.example`)).toMatchObject({
      ok: false,
      code: 'label_too_long',
    });
    expect(parseButtonInput('Click — javascript:alert(1)')).toMatchObject({
      ok: false,
      code: 'url_scheme',
    });
  });

  it('lays buttons out two per row, at most six', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      text: `b${i}`,
      url: 'https://a.example',
    }));
    const rows = layoutButtons(buttons);
    expect(rows.map((row) => row.length)).toEqual([2, 2, 2]);
    expect(layoutButtons(buttons.slice(0, 3)).map((row) => row.length)).toEqual([2, 1]);
  });
});
