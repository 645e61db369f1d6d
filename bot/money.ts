import type { PriceCurrency } from '../models/channels/settings.js';

/** A price in minor units as the locale writes money ("1 500 ₽", "$15.50"): no cents when whole. */
export function formatPrice(minor: number, currency: PriceCurrency, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}
