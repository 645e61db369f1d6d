import { formatMoment } from '../format/dates.js';
import { formatMoney } from '../format/money.js';
import type { OrderView } from '../models/orders/order-view.js';

import type { Translate } from './i18n.js';

/**
 * The order's items, one line each: channel, time in the channel's zone (and in `viewerZone` when
 * it differs), format, price. Channel titles are user text: escaped.
 */
export function itemLines(
  t: Translate,
  order: OrderView,
  locale: string,
  viewerZone: string | null,
): string {
  return order.items
    .map((item) => {
      const channelTime = formatMoment(item.startsAt, item.channelTimezone, locale);
      const viewer =
        viewerZone && viewerZone !== item.channelTimezone
          ? formatMoment(item.startsAt, viewerZone, locale)
          : '';
      const variables = {
        channel: item.channelTitle,
        time: channelTime,
        zone: item.channelTimezone,
        mine: viewer,
        format: item.format,
        price: formatMoney(item.price, order.currency, locale),
      };
      return viewer ? t('checkout-item-both', variables) : t('checkout-item', variables);
    })
    .join('\n');
}

/** Subtotal / discount / total lines of an order. */
export function totalLines(t: Translate, order: OrderView, locale: string): string {
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const parts = [];
  if (order.discount > 0) {
    parts.push(t('checkout-subtotal', { amount: money(order.subtotal) }));
    parts.push(t('checkout-discount', { amount: money(order.discount) }));
  }
  parts.push(t('checkout-total', { amount: money(order.total) }));
  return parts.join('\n');
}

/** The marking data of an order as a line, or '' when none. */
export function markingText(t: Translate, marking: Record<string, unknown> | null): string {
  if (!marking || typeof marking.name !== 'string') return '';
  return t('checkout-marking', {
    name: String(marking.name),
    inn: String(marking.inn ?? ''),
    erid: String(marking.erid ?? ''),
  });
}
