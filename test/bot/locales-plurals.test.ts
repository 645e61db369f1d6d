import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, type Locale } from '../../bot/i18n.js';
import { localesDirectory } from '../../messages/i18n.js';

/** Variables that carry a count (a number that stands beside a noun somewhere). */
const numeric = new Set([
  'activeAdvertisers',
  'activeChannels',
  'attempts',
  'brokenMinutes',
  'buckets',
  'cancelled',
  'clicks',
  'count',
  'days',
  'deletions',
  'horizon',
  'hours',
  'items',
  'length',
  'limit',
  'max',
  'min',
  'minSlots',
  'minutes',
  'n',
  'orders',
  'over',
  'page',
  'pages',
  'paidOrders',
  'pending',
  'percent',
  'published',
  'refundedOrders',
  'resumed',
  'slots',
  'sold',
  'stars',
  'step',
  'total',
  'upcoming',
  'used',
  'variant',
  'variants',
  'violations',
  'workspaces',
]);

/** Messages where a name above is not a count (a formatted amount or a title). */
const notCounts: Record<string, string[]> = {
  'admin-ops-order-card': ['total'],
  'booking-cart-order-plain': ['total'],
  'booking-cart-order-total': ['total'],
  'disputes-admin-card': ['total'],
  'orders-list-item': ['total'],
};

/** Words that may follow a number unchanged: units, prepositions, symbols spelled as words. */
const invariant: Record<Locale, Set<string>> = {
  en: new Set(['of', 'h', 'min', 'and', 'or', 'to', 'from', 'for', 'in', 'at', 'a', 'the']),
  ru: new Set(['из', 'ч', 'мин', 'и', 'или', 'до', 'от', 'в', 'на', 'по', 'за', 'с']),
};

const samples: readonly number[] = [0, 1, 2, 5, 21];

function keysOf(locale: Locale): string[] {
  const source = readFileSync(join(localesDirectory, `${locale}.ftl`), 'utf8');
  return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] ?? '');
}

function variablesOf(locale: Locale): Set<string> {
  const source = readFileSync(join(localesDirectory, `${locale}.ftl`), 'utf8');
  return new Set([...source.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? ''));
}

/** Every variable: counts get the sample, everything else a neutral word-free value. */
function sampleVariables(key: string, names: Set<string>, sample: number) {
  const skip = new Set(notCounts[key] ?? []);
  return Object.fromEntries(
    [...names].map((name) => [name, numeric.has(name) && !skip.has(name) ? sample : '«X»']),
  );
}

/** The word right after each occurrence of `sample` as a whole number, in order. */
function wordsAfter(text: string, sample: number): string[] {
  const pattern = new RegExp(
    `(?<![\\d.,:/−+-])${sample}(?![\\d.,:/])[ \\u00a0]+([\\p{L}-]+)`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? '').toLowerCase());
}

describe('locale plurals', () => {
  const i18n = createI18n();
  const names = new Set([...variablesOf('en'), ...variablesOf('ru')]);

  it('knows every count variable it samples', () => {
    for (const name of numeric) expect(names, name).toContain(name);
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`renders every ${locale} message with 0, 1, 2, 5 and 21 in the right plural form`, () => {
      const problems: string[] = [];
      for (const key of keysOf(locale)) {
        const texts = new Map(
          samples.map((n) => [n, i18n.t(locale, key, sampleVariables(key, names, n))]),
        );
        for (const [n, text] of texts) {
          if (text === key || text === `{${key}}`) problems.push(`${key} (${n}): does not render`);
          if (/\((s|es|ы|а|ов|ей)\)/.test(text)) problems.push(`${key} (${n}): «(s)»`);
          if (/[^.]\.\.(?!\.)/.test(text)) problems.push(`${key} (${n}): «..»`);
        }
        const words = (n: number) => wordsAfter(texts.get(n) ?? '', n);
        const [one, two, five, many] = [words(1), words(2), words(5), words(21)];
        one.forEach((word, i) => {
          if (invariant[locale].has(word)) return;
          if (locale === 'en' && word === two[i] && /s$/.test(word))
            problems.push(`${key}: «1 ${word}»`);
          if (locale === 'ru' && word === five[i])
            problems.push(`${key}: «1 ${word}» = «5 ${word}»`);
          if (locale === 'ru' && many[i] !== undefined && word !== many[i])
            problems.push(`${key}: «1 ${word}» ≠ «21 ${many[i]}»`);
        });
      }
      expect(problems).toEqual([]);
    });
  }

  it('uses the Russian one/few/many forms and the English one/other forms', () => {
    const slots = (locale: Locale, count: number) =>
      i18n.t(locale, 'checkout-invoice-description', { count, channels: '@news' });
    expect(slots('en', 1)).toContain(': 1 slot.');
    expect(slots('en', 21)).toContain(': 21 slots.');
    const chars = (max: number) => i18n.t('ru', 'support-ask', { max });
    expect(chars(1)).toContain('до 1 символа)');
    expect(chars(2)).toContain('до 2 символов)');
    expect(chars(21)).toContain('до 21 символа)');
    const days = (days: number) => i18n.t('ru', 'disputes-window-closed', { days });
    expect([1, 2, 5, 21].map((n) => /\((\d+ \S+)\)/.exec(days(n))?.[1])).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '21 день',
    ]);
  });
});
