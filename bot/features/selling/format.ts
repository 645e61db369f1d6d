import { formatMoney } from '../../../format/money.js';
import type { ChannelSettings, Schedule } from '../../../models/channels/settings.js';
import { fixedFormats } from '../../../models/channels/formats.js';
import type { SellingView } from '../../../models/selling/update-settings.js';
import { trustedHtml } from '../../../format/html.js';

/** Just the translation function, so screens render the same inside and outside conversations. */
import type { Translate } from '../../../messages/i18n.js';

export type { Translate };

/** Short weekday names, Monday first. */
export function weekdayName(t: Translate, day: number): string {
  switch (day) {
    case 1:
      return t('selling-day-1');
    case 2:
      return t('selling-day-2');
    case 3:
      return t('selling-day-3');
    case 4:
      return t('selling-day-4');
    case 5:
      return t('selling-day-5');
    case 6:
      return t('selling-day-6');
    default:
      return t('selling-day-7');
  }
}

/** "Mon, Tue at 09:00, 13:30" or "Mon 10:00–22:00 every 30 min". */
export function describeSchedule(t: Translate, schedule: Schedule | null): string {
  if (!schedule) return t('selling-schedule-none');
  const days = schedule.days.map((d) => weekdayName(t, d)).join(', ');
  if (schedule.mode === 'times')
    return t('selling-schedule-times', {
      days: trustedHtml(days),
      times: schedule.times.join(', '),
    });
  const windows = schedule.windows.map((w) => `${w.from}–${w.to}`).join(', ');
  return t('selling-schedule-windows', {
    days: trustedHtml(days),
    windows,
    step: schedule.stepMinutes,
  });
}

/** "2 h 30 min", "45 min", "0 min". */
export function describeDuration(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${t('selling-unit-hours')}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} ${t('selling-unit-minutes')}`);
  return parts.join(' ');
}

/** "1/24 — 1 500 ₽ · 2/48 — 2 500 ₽" or "none". */
export function describePrices(t: Translate, settings: ChannelSettings, locale: string): string {
  const offered = fixedFormats.flatMap((format) => {
    const price = settings.prices[format];
    return price === undefined
      ? []
      : [`${format} — ${formatMoney(price, settings.currency, locale)}`];
  });
  return offered.length === 0 ? t('selling-prices-none') : offered.join(' · ');
}

export function describePinned(t: Translate, settings: ChannelSettings, locale: string): string {
  const pinned = settings.pinned;
  if (!pinned) return t('selling-off');
  return t('selling-pinned-value', {
    hours: pinned.hours,
    price: formatMoney(pinned.price, settings.currency, locale),
  });
}

export function describeReview(t: Translate, review: ChannelSettings['review']): string {
  return review.mode === 'auto'
    ? t('selling-review-auto')
    : t('selling-review-manual', { hours: review.deadlineHours });
}

export function onOff(t: Translate, value: boolean): string {
  return value ? t('selling-on') : t('selling-off');
}

/** The settings summary shown on `sell:open`. */
export function summaryText(t: Translate, view: SellingView, locale: string): string {
  const s = view.settings;
  return t('selling-summary', {
    title: view.title,
    timezone: s.timezone,
    schedule: trustedHtml(describeSchedule(t, s.schedule)),
    currency: s.currency,
    prices: trustedHtml(describePrices(t, s, locale)),
    pinned: trustedHtml(describePinned(t, s, locale)),
    lead: trustedHtml(describeDuration(t, s.leadTimeMinutes)),
    horizon: s.horizonDays,
    blackout: trustedHtml(
      s.blackoutDates.length === 0 ? t('selling-none') : s.blackoutDates.join(', '),
    ),
    maxday: s.maxPerDay === null ? trustedHtml(t('selling-no-limit')) : s.maxPerDay,
    category: trustedHtml(s.category === null ? t('selling-none') : categoryLabel(t, s.category)),
    language: trustedHtml(languageLabel(t, s.language)),
    description: s.description === '' ? trustedHtml(t('selling-none')) : s.description,
    review: trustedHtml(describeReview(t, s.review)),
    whitelist: trustedHtml(onOff(t, s.whitelistOnly)),
    bundle: trustedHtml(
      s.bundleDiscount
        ? t('selling-bundle-value', {
            slots: s.bundleDiscount.minSlots,
            percent: s.bundleDiscount.percent,
          })
        : t('selling-off'),
    ),
    marking: trustedHtml(onOff(t, s.requiresMarking)),
  });
}

/** Catalog languages offered as buttons. */
export const catalogLanguages = ['ru', 'en', 'uk', 'kk', 'uz'] as const;

export function languageLabel(t: Translate, code: string): string {
  switch (code) {
    case 'ru':
      return t('selling-lang-ru');
    case 'en':
      return t('selling-lang-en');
    case 'uk':
      return t('selling-lang-uk');
    case 'kk':
      return t('selling-lang-kk');
    case 'uz':
      return t('selling-lang-uz');
    default:
      return code;
  }
}

/** The catalog label of a category (`category-<id>` keys, shared with the channels feature). */
export function categoryLabel(t: Translate, id: string): string {
  switch (id) {
    case 'news':
      return t('category-news');
    case 'tech':
      return t('category-tech');
    case 'business':
      return t('category-business');
    case 'finance':
      return t('category-finance');
    case 'crypto':
      return t('category-crypto');
    case 'education':
      return t('category-education');
    case 'entertainment':
      return t('category-entertainment');
    case 'lifestyle':
      return t('category-lifestyle');
    case 'travel':
      return t('category-travel');
    case 'food':
      return t('category-food');
    case 'sports':
      return t('category-sports');
    case 'games':
      return t('category-games');
    case 'music':
      return t('category-music');
    case 'health':
      return t('category-health');
    default:
      return t('category-other');
  }
}
