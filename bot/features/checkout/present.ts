import type { OrderView } from '../../../models/checkout/order-view.js';
import type { PriceCurrency } from '../../../models/channels/settings.js';
import { formatMoment } from '../../dates.js';
import { formatPrice } from '../../money.js';
import { escapeHtml } from '../../html.js';

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** A slot time in a timezone, the one format of moments ("Mon, Dec 1, 14:00"). */
export const slotTime = formatMoment;

/** Money of an order (RUB/USD minor units; XTR as whole stars). */
export function orderMoney(minor: number, currency: string, locale: string): string {
  if (currency === 'XTR') return `${minor} ⭐`;
  if (currency === 'EUR') return `€${(minor / 100).toFixed(2)}`;
  return formatPrice(minor, currency as PriceCurrency, locale);
}

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
      const channelTime = slotTime(item.startsAt, item.channelTimezone, locale);
      const viewer =
        viewerZone && viewerZone !== item.channelTimezone
          ? slotTime(item.startsAt, viewerZone, locale)
          : '';
      const variables = {
        channel: escapeHtml(item.channelTitle),
        time: channelTime,
        zone: item.channelTimezone,
        mine: viewer,
        format: item.format,
        price: orderMoney(item.price, order.currency, locale),
      };
      return viewer ? t('checkout-item-both', variables) : t('checkout-item', variables);
    })
    .join('\n');
}

/** Subtotal / discount / total lines of an order. */
export function totalLines(t: Translate, order: OrderView, locale: string): string {
  const money = (minor: number) => orderMoney(minor, order.currency, locale);
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
    name: escapeHtml(String(marking.name)),
    inn: escapeHtml(String(marking.inn ?? '')),
    erid: escapeHtml(String(marking.erid ?? '')),
  });
}
