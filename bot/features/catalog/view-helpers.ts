import { DateTime } from 'luxon';
import type { InlineKeyboard } from 'grammy';
import { formatMoment, formatTime } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import type { CatalogEntry } from '../../../models/catalog/search-catalog.js';
import type { BotContext } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { showScreen } from '../../kit/show-screen.js';
import { categoryLabel } from '../selling/format.js';

import type { Translate } from '../../../messages/i18n.js';

export type { Translate };

/** The channel's share link (opens its catalog card). */
export function cardLink(botUsername: string, shareCode: string): string {
  return `https://t.me/${botUsername}?start=ch_${shareCode}`;
}

/** "@name" or the localized "private channel". */
export function handleOf(t: Translate, username: string | null): string {
  return username ? `@${username}` : t('catalog-private');
}

/** One result line: title, handle, subscribers, category and the cheapest price. */
export function entryLine(t: Translate, entry: CatalogEntry, locale: string, n: number): string {
  return t('catalog-entry', {
    n,
    title: entry.title,
    handle: handleOf(t, entry.username),
    subscribers: entry.subscribers,
    category: trustedHtml(
      entry.category ? categoryLabel(t, entry.category) : t('catalog-no-category'),
    ),
    price: formatMoney(entry.cheapestPrice, entry.currency, locale),
  });
}

/** A slot time in the channel's zone, with the viewer's time beside it when the zones differ. */
export function slotTime(startsAt: Date, channelZone: string, viewerZone: string, locale: string) {
  const there = DateTime.fromJSDate(startsAt, { zone: channelZone });
  const text = formatMoment(startsAt, channelZone, locale);
  const here = DateTime.fromJSDate(startsAt, { zone: viewerZone });
  if (!here.isValid || here.offset === there.offset) return text;
  const sameDay = here.toISODate() === there.toISODate();
  const mine = sameDay
    ? formatTime(startsAt, viewerZone, locale)
    : formatMoment(startsAt, viewerZone, locale);
  return `${text} (${mine})`;
}

/** Shows a screen in place of the pressed message (or as a new one). */
export async function editOrReply(
  ctx: BotContext,
  screen: { text: string; keyboard: InlineKeyboard },
): Promise<void> {
  await showScreen(ctx, screen.text, screen.keyboard);
}
