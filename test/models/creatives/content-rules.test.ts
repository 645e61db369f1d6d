import { describe, expect, it } from 'vitest';
import type { Creative } from '../../../models/creatives/content.js';
import { checkContentRules, normalizeDomain } from '../../../models/creatives/content-rules.js';
import { parseContentRules } from '../../../models/creatives/content-rules-input.js';

const post = (text: string, urls: string[] = []): Creative => ({
  content: {
    kind: 'text',
    text,
    entities: [{ type: 'text_link', offset: 0, length: 1, url: 'https://ok.example' }],
  },
  buttons: [urls.map((url) => ({ text: 'Go', url }))],
});

describe('stop words', () => {
  it('match case-insensitively as whole words, in any script', () => {
    const rules = { stopWords: ['казино', 'bet'], blockedDomains: [] };
    expect(checkContentRules(post('Лучшее КАЗИНО!'), rules)).toEqual({
      ok: false,
      code: 'stop_word',
      detail: { word: 'казино' },
    });
    expect(checkContentRules(post('Place a Bet.'), rules)).toMatchObject({
      detail: { word: 'bet' },
    });
    expect(checkContentRules(post('Казиноград and alphabet'), rules).ok).toBe(true);
  });

  it('are looked for in button labels too', () => {
    const creative: Creative = {
      content: { kind: 'text', text: 'Hi' },
      buttons: [[{ text: 'Casino', url: 'https://a.example' }]],
    };
    expect(checkContentRules(creative, { stopWords: ['casino'], blockedDomains: [] }).ok).toBe(
      false,
    );
  });
});

describe('blocked domains', () => {
  const rules = { stopWords: [], blockedDomains: ['spam.io'] };
  it('refuse buttons, text links and plain mentions of the domain or its subdomains', () => {
    expect(checkContentRules(post('Hi', ['https://spam.io/x']), rules)).toEqual({
      ok: false,
      code: 'blocked_domain',
      detail: { domain: 'spam.io' },
    });
    expect(checkContentRules(post('Hi', ['https://WWW.Spam.io']), rules).ok).toBe(false);
    expect(checkContentRules(post('visit go.spam.io today'), rules).ok).toBe(false);
    const link: Creative = {
      content: {
        kind: 'photo',
        file_id: 'F',
        caption: 'here',
        caption_entities: [{ type: 'text_link', offset: 0, length: 4, url: 'http://a.spam.io' }],
      },
      buttons: [],
    };
    expect(checkContentRules(link, rules).ok).toBe(false);
  });

  it('let look-alikes through', () => {
    expect(
      checkContentRules(post('Hi', ['https://notspam.io', 'https://spam.io.example']), rules).ok,
    ).toBe(true);
  });
});

describe('owner input of the rules', () => {
  it('splits domains from words, normalizes and de-duplicates; «-» clears', () => {
    expect(
      parseContentRules('Casino, https://Spam.io/path\nставки; casino, *.bad.example'),
    ).toEqual({
      ok: true,
      value: { stopWords: ['casino', 'ставки'], blockedDomains: ['spam.io', 'bad.example'] },
    });
    expect(parseContentRules(' - ')).toEqual({
      ok: true,
      value: { stopWords: [], blockedDomains: [] },
    });
    expect(parseContentRules(' , ')).toMatchObject({ ok: false, code: 'empty' });
    expect(normalizeDomain('www.Shop.example')).toBe('shop.example');
  });
});
