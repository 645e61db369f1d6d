import { channelCategories } from '../../../models/channels/settings.js';
import {
  catalogLanguages,
  priceBuckets,
  subscriberBuckets,
  type CatalogFilters,
} from '../../../models/catalog/filters.js';

/**
 * The catalog's filters travel in callback data as five characters (stale buttons keep working,
 * nothing to store): category (base-36 index), language (index), subscribers bucket, price bucket
 * (0–3 RUB, 4–7 USD), and `s` when the search typed last (kept in the session) applies; `_` = any.
 */
export interface FilterState {
  category: number | null;
  language: number | null;
  subscribers: number | null;
  price: number | null;
  search: boolean;
}

export const noFilters: FilterState = {
  category: null,
  language: null,
  subscribers: null,
  price: null,
  search: false,
};

const digit = (n: number | null) => (n === null ? '_' : n.toString(36));

export function encodeFilters(f: FilterState): string {
  return `${digit(f.category)}${digit(f.language)}${digit(f.subscribers)}${digit(f.price)}${f.search ? 's' : '_'}`;
}

function index(char: string | undefined, size: number): number | null {
  if (!char || char === '_') return null;
  const n = parseInt(char, 36);
  return Number.isInteger(n) && n >= 0 && n < size ? n : null;
}

/** Reads a filter code; anything malformed counts as "no filter" for that position. */
export function decodeFilters(code: string): FilterState {
  return {
    category: index(code[0], channelCategories.length),
    language: index(code[1], catalogLanguages.length),
    subscribers: index(code[2], subscriberBuckets.length),
    price: index(code[3], priceBuckets.RUB.length + priceBuckets.USD.length),
    search: code[4] === 's',
  };
}

/** The model's filters for a state (the search text comes from the session). */
export function toCatalogFilters(f: FilterState, search: string | undefined): CatalogFilters {
  const out: CatalogFilters = {};
  if (f.category !== null) out.category = channelCategories[f.category];
  if (f.language !== null) out.language = catalogLanguages[f.language];
  if (f.subscribers !== null) out.subscribers = subscriberBuckets[f.subscribers];
  if (f.price !== null) {
    const rub = priceBuckets.RUB.length;
    const currency = f.price < rub ? 'RUB' : 'USD';
    out.price = { currency, ...priceBuckets[currency][f.price < rub ? f.price : f.price - rub] };
  }
  if (f.search && search) out.search = search;
  return out;
}
