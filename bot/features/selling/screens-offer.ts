import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { fixedFormats } from '../../../models/channels/formats.js';
import { channelCategories } from '../../../models/channels/settings.js';
import type { SellingView } from '../../../models/selling/update-settings.js';
import { trustedHtml } from '../../../format/html.js';
import {
  catalogLanguages,
  categoryLabel,
  describePinned,
  describePrices,
  describeReview,
  languageLabel,
  type Translate,
} from './format.js';
import { sellData, type Screen } from './screens.js';

export function formatsScreen(t: Translate, view: SellingView, locale: string): Screen {
  const id = view.channelId;
  const s = view.settings;
  const keyboard = new InlineKeyboard();
  fixedFormats.forEach((format, i) => {
    const price = s.prices[format];
    const label =
      price === undefined
        ? t('selling-format-off', { format })
        : t('selling-format-on', { format, price: formatMoney(price, s.currency, locale) });
    keyboard.text(label, sellData('in', id, 'price', i));
    if (price !== undefined) keyboard.text(t('selling-disable'), sellData('poff', id, i));
    keyboard.row();
  });
  keyboard.text(
    t('selling-format-pinned', { value: describePinned(t, s, locale) }),
    sellData('in', id, 'pinned'),
  );
  if (s.pinned) keyboard.text(t('selling-disable'), sellData('pinoff', id));
  const other = s.currency === 'RUB' ? 'USD' : 'RUB';
  keyboard
    .row()
    .text(t('selling-currency-switch', { currency: other }), sellData('cur', id, other));
  keyboard.row().text(t('selling-back'), sellData('open', id));
  return {
    text: t('selling-formats-text', {
      title: view.title,
      currency: s.currency,
      prices: trustedHtml(describePrices(t, s, locale)),
    }),
    keyboard,
  };
}

export function catalogScreen(t: Translate, view: SellingView): Screen {
  const id = view.channelId;
  const s = view.settings;
  const keyboard = new InlineKeyboard();
  channelCategories.forEach((category, i) => {
    const mark = category === s.category ? '✅ ' : '';
    keyboard.text(`${mark}${categoryLabel(t, category)}`, sellData('catc', id, i));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row();
  for (const code of catalogLanguages) {
    const mark = code === s.language ? '✅ ' : '';
    keyboard.text(`${mark}${languageLabel(t, code)}`, sellData('lng', id, code));
  }
  keyboard.row().text(t('selling-description-button'), sellData('in', id, 'description'));
  keyboard.row().text(t('selling-back'), sellData('open', id));
  return {
    text: t('selling-catalog-text', {
      category: trustedHtml(s.category ? categoryLabel(t, s.category) : t('selling-none')),
      language: trustedHtml(languageLabel(t, s.language)),
      description: s.description ? s.description : trustedHtml(t('selling-none')),
    }),
    keyboard,
  };
}

/** Review deadlines offered for manual review, in hours. */
export const reviewDeadlines = [6, 12, 24, 48, 72] as const;

export function reviewScreen(t: Translate, view: SellingView): Screen {
  const id = view.channelId;
  const keyboard = new InlineKeyboard()
    .text(t('selling-review-auto-button'), sellData('revs', id, 0))
    .row();
  for (const hours of reviewDeadlines)
    keyboard.text(t('selling-review-hours-button', { hours }), sellData('revs', id, hours));
  keyboard.row().text(t('selling-back'), sellData('open', id));
  return {
    text: t('selling-review-text', {
      review: trustedHtml(describeReview(t, view.settings.review)),
    }),
    keyboard,
  };
}
