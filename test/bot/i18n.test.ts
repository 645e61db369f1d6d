import { describe, expect, it } from 'vitest';
import { asLocale, localeFromLanguageCode } from '../../bot/i18n.js';
import { escapeHtml } from '../../format/html.js';

describe('localeFromLanguageCode', () => {
  it('maps ru* to ru and everything else to en', () => {
    expect(localeFromLanguageCode('ru')).toBe('ru');
    expect(localeFromLanguageCode('ru-RU')).toBe('ru');
    expect(localeFromLanguageCode('RU')).toBe('ru');
    expect(localeFromLanguageCode('en')).toBe('en');
    expect(localeFromLanguageCode('uk')).toBe('en');
    expect(localeFromLanguageCode(undefined)).toBe('en');
  });
});

describe('asLocale', () => {
  it('accepts only supported locales', () => {
    expect(asLocale('ru')).toBe('ru');
    expect(asLocale('en')).toBe('en');
    expect(asLocale('de')).toBeUndefined();
    expect(asLocale(undefined)).toBeUndefined();
  });
});

describe('escapeHtml', () => {
  it('escapes the characters HTML parse mode reserves', () => {
    expect(escapeHtml('<b>Tom & "Jerry"</b>')).toBe('&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
