import { describe, expect, it } from 'vitest';
import {
  decodeFilters,
  encodeFilters,
  noFilters,
  toCatalogFilters,
} from '../../../bot/features/catalog/filter-code.js';

describe('catalog filter codes', () => {
  it('round-trips every position and stays short enough for callback data', () => {
    const state = { category: 14, language: 4, subscribers: 3, price: 7, search: true };
    const code = encodeFilters(state);
    expect(code).toBe('e437s');
    expect(decodeFilters(code)).toEqual(state);
    expect(encodeFilters(noFilters)).toBe('_____');
    const card = `cat:c:${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}:${code}:9999`;
    expect(Buffer.byteLength(card)).toBeLessThanOrEqual(64);
  });

  it('treats malformed or out-of-range positions as "any"', () => {
    expect(decodeFilters('zz9x!')).toEqual(noFilters);
    expect(decodeFilters('')).toEqual(noFilters);
  });

  it('maps buckets to model filters (price in the bucket currency, search only when kept)', () => {
    expect(toCatalogFilters({ ...decodeFilters('8125_') }, 'olga')).toEqual({
      category: 'travel',
      language: 'en',
      subscribers: { min: 10_000, max: 100_000 },
      price: { currency: 'USD', min: 2_000, max: 10_000 },
    });
    expect(toCatalogFilters(decodeFilters('___0s'), 'olga')).toEqual({
      price: { currency: 'RUB', max: 100_000 },
      search: 'olga',
    });
    expect(toCatalogFilters(decodeFilters('____s'), undefined)).toEqual({});
  });
});
