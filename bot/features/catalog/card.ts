import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
import { recentDays } from '../../../models/catalog/card-figures.js';
import type { CatalogCard } from '../../../models/catalog/catalog-card.js';
import { escapeHtml, trustedHtml } from '../../../format/html.js';
import { categoryLabel, languageLabel } from '../selling/format.js';
import type { Screen } from './screens.js';
import { cardLink, handleOf, slotTime, type Translate } from './view-helpers.js';

function pricesLines(t: Translate, card: CatalogCard, locale: string): string {
  if (card.prices.length === 0) return t('catalog-card-no-prices');
  return card.prices
    .map(({ format, price }) => {
      const money = formatMoney(price, card.currency, locale);
      return format.startsWith('pin:')
        ? t('catalog-card-price-pinned', { hours: Number(format.slice(4)), price: money })
        : t('catalog-card-price', { format, price: money });
    })
    .join('\n');
}

function slotsLines(t: Translate, card: CatalogCard, viewerZone: string, locale: string): string {
  if (card.nextSlots.length === 0) return t('catalog-card-no-slots');
  return card.nextSlots
    .map((s) => `• ${slotTime(s, card.timezone, viewerZone, locale)}`)
    .join('\n');
}

/** «📈 +120 subscribers in 30 days» when two measured days can be compared. */
function growthLine(t: Translate, card: CatalogCard): string {
  if (!card.growth) return '';
  const { change, days } = card.growth;
  const trend = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return t('catalog-card-growth', { trend, change: Math.abs(change), days });
}

/** «👆 Clicks per ad per 1,000 subscribers: 3.4 (2 ads in 30 days)» when ads were published lately. */
function clicksLine(t: Translate, card: CatalogCard, locale: string): string {
  if (card.clicksPer1000 === null) return '';
  const average = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(card.clicksPer1000);
  return t('catalog-card-clicks', { average, ads: card.recentAds, days: recentDays });
}

/**
 * The public card: facts and growth, prices, next free slots (channel time, the viewer's beside),
 * reputation and clicks.
 */
export function cardScreen(
  t: Translate,
  card: CatalogCard,
  options: { viewerZone: string; locale: string; botUsername: string; back: string },
): Screen {
  const { viewerZone, locale } = options;
  const zones =
    viewerZone === card.timezone
      ? t('catalog-card-zone', { zone: card.timezone })
      : t('catalog-card-zones', { zone: card.timezone, yours: viewerZone });
  const sections: string[][] = [
    [
      t('catalog-card-title', {
        title: card.title,
        handle: handleOf(t, card.username),
      }),
      t('catalog-card-facts', {
        subscribers: card.subscribers,
        category: trustedHtml(
          card.category ? categoryLabel(t, card.category) : t('catalog-no-category'),
        ),
        language: trustedHtml(card.language ? languageLabel(t, card.language) : '—'),
      }),
      growthLine(t, card),
    ],
    card.description ? [`<i>${escapeHtml(card.description)}</i>`] : [],
    [t('catalog-card-prices-title'), pricesLines(t, card, locale), t('catalog-card-formats-hint')],
    [t('catalog-card-slots-title'), zones, slotsLines(t, card, viewerZone, locale)],
    [
      card.reputation.published === 0
        ? t('catalog-card-stats-new', { fill: card.fillRate })
        : t('catalog-card-stats', {
            fill: card.fillRate,
            published: card.reputation.published,
            ontime: card.reputation.onTimeRate,
            kept: card.reputation.keptRate,
            deletions: card.reputation.earlyDeletions,
          }),
      clicksLine(t, card, locale),
      card.whitelistOnly ? t('catalog-card-whitelist') : '',
      card.requiresMarking ? t('catalog-card-marking') : '',
      t('catalog-card-link', { link: cardLink(options.botUsername, card.shareCode) }),
    ],
  ];
  const text = sections
    .map((lines) => lines.filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard()
    .text(t('catalog-button-book'), `book:start:${card.id}`)
    .row()
    .text(t('catalog-back'), options.back);
  return { text, keyboard };
}
