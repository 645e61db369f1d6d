import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { channelCategories } from '../../../models/channels/settings.js';
import {
  catalogLanguages,
  priceBuckets,
  subscriberBuckets,
  type Range,
} from '../../../models/catalog/filters.js';
import { catalogPageSize, type CatalogPage } from '../../../models/catalog/search-catalog.js';
import { trustedHtml } from '../../../format/html.js';
import { categoryLabel, languageLabel } from '../selling/format.js';
import { advertiserScreenData } from '../../../messages/callback-data/start.js';
import {
  cardData,
  choiceData,
  filtersData,
  listData as listCallback,
} from '../../../messages/callback-data/catalog.js';
import { encodeFilters, type FilterState } from './filter-code.js';
import { entryLine, type Translate } from './view-helpers.js';
import type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

export type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

export const listData = (f: FilterState, page: number) =>
  listCallback.pack({ filters: encodeFilters(f), page });

function rangeLabel(t: Translate, range: Range, show: (n: number) => string): string {
  if (range.min === undefined) return t('catalog-range-under', { max: show(range.max ?? 0) });
  if (range.max === undefined) return t('catalog-range-over', { min: show(range.min) });
  return t('catalog-range-between', { min: show(range.min), max: show(range.max) });
}

export function subscribersLabel(t: Translate, i: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { notation: 'compact' });
  return rangeLabel(t, subscriberBuckets[i] ?? {}, (v) => n.format(v));
}

export function priceLabel(t: Translate, i: number, locale: string): string {
  const rub = priceBuckets.RUB.length;
  const currency = i < rub ? 'RUB' : 'USD';
  const range = priceBuckets[currency][i < rub ? i : i - rub] ?? {};
  return rangeLabel(t, range, (v) => formatMoney(v, currency, locale));
}

/** "Category: Travel · Language: any …" for the list header. */
export function filtersSummary(t: Translate, f: FilterState, locale: string, search?: string) {
  const any = t('catalog-no-matter');
  const lines = [
    t('catalog-filters-summary', {
      category: trustedHtml(
        f.category === null ? any : categoryLabel(t, channelCategories[f.category] ?? 'other'),
      ),
      language: trustedHtml(
        f.language === null ? any : languageLabel(t, catalogLanguages[f.language] ?? ''),
      ),
      subscribers: trustedHtml(
        f.subscribers === null ? any : subscribersLabel(t, f.subscribers, locale),
      ),
      price: trustedHtml(f.price === null ? any : priceLabel(t, f.price, locale)),
    }),
  ];
  if (f.search && search) lines.push(t('catalog-search-summary', { query: search }));
  return lines.join('\n');
}

/** The results: a summary, up to five channels with a button each, paging, search and filters. */
export function listScreen(
  t: Translate,
  f: FilterState,
  result: CatalogPage,
  locale: string,
  search?: string,
): Screen {
  const start = result.page * catalogPageSize;
  const lines = result.items.map((e, i) => entryLine(t, e, locale, start + i + 1));
  const body =
    result.total === 0
      ? t('catalog-empty')
      : `${t('catalog-found', { total: result.total, page: result.page + 1, pages: result.pages })}\n\n${lines.join('\n\n')}`;
  const text = `${t('catalog-title')}\n${filtersSummary(t, f, locale, search)}\n\n${body}`;
  const keyboard = new InlineKeyboard();
  for (const e of result.items) {
    keyboard
      .text(
        `📣 ${[...e.title].slice(0, 48).join('')}`,
        cardData.pack({ channelId: e.id, filters: encodeFilters(f), page: result.page }),
      )
      .row();
  }
  if (result.pages > 1) {
    if (result.page > 0) keyboard.text(t('catalog-prev'), listData(f, result.page - 1));
    keyboard.text(`${result.page + 1}/${result.pages}`, listData(f, result.page));
    if (result.page < result.pages - 1)
      keyboard.text(t('catalog-next'), listData(f, result.page + 1));
    keyboard.row();
  }
  keyboard
    .text(t('catalog-button-search'), 'cat:s')
    .text(t('catalog-button-filters'), filtersData.pack({ filters: encodeFilters(f) }));
  if (f.search && search)
    keyboard.row().text(t('catalog-button-clear-search'), listData({ ...f, search: false }, 0));
  keyboard.row().text(t('catalog-back-advertiser'), advertiserScreenData);
  return { text, keyboard };
}

/** Which filter to change, with the current choices. */
export function filtersScreen(
  t: Translate,
  f: FilterState,
  locale: string,
  search?: string,
): Screen {
  const code = encodeFilters(f);
  const keyboard = new InlineKeyboard()
    .text(t('catalog-filter-category'), choiceData.pack({ field: 'category', filters: code }))
    .text(t('catalog-filter-language'), choiceData.pack({ field: 'language', filters: code }))
    .row()
    .text(t('catalog-filter-subscribers'), choiceData.pack({ field: 'subscribers', filters: code }))
    .text(t('catalog-filter-price'), choiceData.pack({ field: 'price', filters: code }))
    .row()
    .text(
      t('catalog-filter-reset'),
      listData(
        { category: null, language: null, subscribers: null, price: null, search: f.search },
        0,
      ),
    )
    .text(t('catalog-back-results'), listData(f, 0));
  return {
    text: `${t('catalog-filters-title')}\n\n${filtersSummary(t, f, locale, search)}`,
    keyboard,
  };
}

type Field = 'category' | 'language' | 'subscribers' | 'price';

/** The options of one filter; each opens the results with that choice (or «Any»). */
export function choiceScreen(t: Translate, f: FilterState, field: Field, locale: string): Screen {
  const labels: string[] =
    field === 'category'
      ? channelCategories.map((c) => categoryLabel(t, c))
      : field === 'language'
        ? catalogLanguages.map((l) => languageLabel(t, l))
        : field === 'subscribers'
          ? subscriberBuckets.map((_, i) => subscribersLabel(t, i, locale))
          : [...priceBuckets.RUB, ...priceBuckets.USD].map((_, i) => priceLabel(t, i, locale));
  const keyboard = new InlineKeyboard();
  labels.forEach((label, i) => {
    const mark = f[field] === i ? '✅ ' : '';
    keyboard.text(`${mark}${label}`, listData({ ...f, [field]: i }, 0));
    if (i % 2 === 1) keyboard.row();
  });
  if (labels.length % 2 === 1) keyboard.row();
  keyboard.text(t('catalog-no-matter'), listData({ ...f, [field]: null }, 0));
  keyboard.text(t('catalog-back-filters'), filtersData.pack({ filters: encodeFilters(f) }));
  const title =
    field === 'category'
      ? t('catalog-choose-category')
      : field === 'language'
        ? t('catalog-choose-language')
        : field === 'subscribers'
          ? t('catalog-choose-subscribers')
          : t('catalog-choose-price');
  return { text: title, keyboard };
}
