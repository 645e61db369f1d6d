import { describe, expect, it } from 'vitest';
import { localeOf } from '../../format/locale.js';

describe('localeOf', () => {
  it('keeps the languages the bot writes in and reads everything else as English', () => {
    expect(localeOf('ru')).toBe('ru');
    expect(localeOf('en')).toBe('en');
    expect(localeOf('de')).toBe('en');
    expect(localeOf(null)).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});
