import { InlineKeyboard } from 'grammy';
import { formatMoney } from '../../../format/money.js';
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

/** The public card: facts, prices, next free slots (channel time, the viewer's beside), reputation. */
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
            deletions: card.reputation.earlyDeletions,
          }),
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
