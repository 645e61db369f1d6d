import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyList } from '../../format/money.js';

/** Intl's no-break space: Russian groups digits with it and puts it before the currency sign. */
const nb = '\u00a0';

describe('formatMoney: one format for every currency, in the reader’s locale', () => {
  it('writes Stars whole, grouped the locale’s way', () => {
    expect(formatMoney(1_540, 'XTR', 'en')).toBe('1,540 ⭐');
    expect(formatMoney(1_540, 'XTR', 'ru')).toBe(`1${nb}540 ⭐`);
    expect(formatMoney(123_456_789, 'XTR', 'en')).toBe('123,456,789 ⭐');
    expect(formatMoney(123_456_789, 'XTR', 'ru')).toBe(`123${nb}456${nb}789 ⭐`);
    expect(formatMoney(0, 'XTR', 'ru')).toBe('0 ⭐');
  });

  it('writes roubles without kopecks when whole, with them otherwise', () => {
    expect(formatMoney(150_000, 'RUB', 'ru')).toBe(`1${nb}500${nb}₽`);
    expect(formatMoney(1_550, 'RUB', 'ru')).toBe(`15,50${nb}₽`);
    expect(formatMoney(123_456_789, 'RUB', 'ru')).toBe(`1${nb}234${nb}567,89${nb}₽`);
    expect(formatMoney(0, 'RUB', 'ru')).toBe(`0${nb}₽`);
    expect(formatMoney(150_000, 'RUB', 'en')).toBe(`RUB${nb}1,500`);
    expect(formatMoney(1_550, 'RUB', 'en')).toBe(`RUB${nb}15.50`);
  });

  it('writes dollars in either locale, cents only when there are some', () => {
    expect(formatMoney(150_000, 'USD', 'en')).toBe('$1,500');
    expect(formatMoney(1_550, 'USD', 'en')).toBe('$15.50');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
    expect(formatMoney(123_456_789, 'USD', 'en')).toBe('$1,234,567.89');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0');
    expect(formatMoney(150_000, 'USD', 'ru')).toBe(`1${nb}500${nb}$`);
    expect(formatMoney(1_550, 'USD', 'ru')).toBe(`15,50${nb}$`);
  });

  it('writes euros in the reader’s locale too (not always "€x.xx")', () => {
    expect(formatMoney(2_000, 'EUR', 'en')).toBe('€20');
    expect(formatMoney(2_050, 'EUR', 'en')).toBe('€20.50');
    expect(formatMoney(123_456_789, 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0');
    expect(formatMoney(2_000, 'EUR', 'ru')).toBe(`20${nb}€`);
    expect(formatMoney(2_050, 'EUR', 'ru')).toBe(`20,50${nb}€`);
    expect(formatMoney(123_456_789, 'EUR', 'ru')).toBe(`1${nb}234${nb}567,89${nb}€`);
  });

  it('lists several currencies side by side without adding them up, or a dash', () => {
    const list = [
      { currency: 'RUB', amount: 1_200_000 },
      { currency: 'USD', amount: 15_000 },
      { currency: 'XTR', amount: 1_540 },
    ] as const;
    expect(formatMoneyList(list, 'en')).toBe(`RUB${nb}12,000 · $150 · 1,540 ⭐`);
    expect(formatMoneyList(list, 'ru')).toBe(`12${nb}000${nb}₽ · 150${nb}$ · 1${nb}540 ⭐`);
    expect(formatMoneyList([], 'en')).toBe('—');
  });
});
