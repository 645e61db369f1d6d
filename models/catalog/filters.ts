import {
  channelCategories,
  type ChannelCategory,
  type PriceCurrency,
} from '../channels/settings.js';

/** Languages a catalog filter offers (the same codes the selling settings offer). */
export const catalogLanguages = ['ru', 'en', 'uk', 'kk', 'uz'] as const;
export type CatalogLanguage = (typeof catalogLanguages)[number];

export interface Range {
  min?: number;
  /** Exclusive upper bound. */
  max?: number;
}

/** Subscriber buckets: under 1k, 1k–10k, 10k–100k, 100k and more. */
export const subscriberBuckets: readonly Range[] = [
  { max: 1_000 },
  { min: 1_000, max: 10_000 },
  { min: 10_000, max: 100_000 },
  { min: 100_000 },
];

/** Price buckets per currency (cheapest offered format, minor units, upper bound exclusive). */
export const priceBuckets: Readonly<Record<PriceCurrency, readonly Range[]>> = {
  RUB: [
    { max: 100_000 },
    { min: 100_000, max: 500_000 },
    { min: 500_000, max: 2_000_000 },
    { min: 2_000_000 },
  ],
  USD: [{ max: 2_000 }, { min: 2_000, max: 10_000 }, { min: 10_000, max: 50_000 }, { min: 50_000 }],
};

/** What an advertiser narrows the catalog by; every field optional. */
export interface CatalogFilters {
  category?: ChannelCategory;
  language?: string;
  subscribers?: Range;
  price?: { currency: PriceCurrency } & Range;
  /** Part of the title or @username (case-insensitive, taken literally). */
  search?: string;
}

export const minSearchLength = 2;
export const maxSearchLength = 64;

/** Checks a typed search: 2–64 characters after trimming (a leading @ is dropped). */
export function parseSearch(
  text: string,
): { ok: true; value: string } | { ok: false; code: 'too_short' | 'too_long' } {
  const value = text.trim().replace(/^@/, '').trim();
  if ([...value].length < minSearchLength) return { ok: false, code: 'too_short' };
  if ([...value].length > maxSearchLength) return { ok: false, code: 'too_long' };
  return { ok: true, value };
}

/** Escapes LIKE wildcards (% _ and the escape character itself) so the text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function isCategory(value: string): value is ChannelCategory {
  return (channelCategories as readonly string[]).includes(value);
}
