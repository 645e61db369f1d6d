import type { Currency } from '../models/orders/table.js';

/**
 * Money in minor units as the locale writes it: Stars whole with the locale's grouping
 * («1 540 ⭐» · "1,540 ⭐"); RUB, USD and EUR in Intl's currency style, cents only when there are
 * some («1 500 ₽» · "$15.50" · «20,50 €»).
 */
export function formatMoney(minor: number, currency: Currency, locale: string): string {
  if (currency === 'XTR') return `${new Intl.NumberFormat(locale).format(minor)} ⭐`;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}

/** Amounts in several currencies side by side, never summed («12 000 ₽ · $150»), or a dash. */
export function formatMoneyList(
  list: readonly { amount: number; currency: Currency }[],
  locale: string,
): string {
  return list.length === 0
    ? '—'
    : list.map((m) => formatMoney(m.amount, m.currency, locale)).join(' · ');
}
