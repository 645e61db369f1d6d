import type { TranslateFunction } from '@grammyjs/i18n';
import { InlineKeyboard } from 'grammy';
import type { Currency } from '../../../models/orders/table.js';
import type { BalanceOverview } from '../../../models/payouts/overview.js';
import type { PayoutRow } from '../../../models/payouts/queries.js';
import { formatPrice } from '../../money.js';

/** Callback data of the balance screens: bal:show, bal:req:<currency>. */
export const showData = 'bal:show';
export const requestData = (currency: Currency) => `bal:req:${currency}`;
export const requestPattern = /^bal:req:(RUB|USD|EUR|XTR)$/;

/** Money as the owner reads it: "1 500 ₽", "$15.50", "1 200 ⭐". */
export function money(amount: number, currency: Currency, locale: string): string {
  if (currency === 'XTR') return `${new Intl.NumberFormat(locale).format(amount)} ⭐`;
  return formatPrice(amount, currency as Parameters<typeof formatPrice>[1], locale);
}

/** "March 2031" in the owner's language from 'YYYY-MM'. */
function monthName(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

function historyLine(t: TranslateFunction, p: PayoutRow, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    p.paidAt ?? p.createdAt,
  );
  return t('balance-history-line', {
    date,
    amount: money(p.amount, p.currency, locale),
    status: p.status,
  });
}

/** The «Balance & payouts» screen: one block per currency, the latest payouts, request buttons. */
export function renderBalance(
  t: TranslateFunction,
  view: BalanceOverview,
  locale: string,
): { text: string; keyboard: InlineKeyboard } {
  const parts = [t('balance-title')];
  if (view.balances.length === 0) parts.push(t('balance-empty'));
  for (const b of view.balances) {
    const m = (amount: number) => money(amount, b.currency, locale);
    const lines = [
      t('balance-currency', { currency: b.currency }),
      t('balance-available', { amount: m(b.available) }),
      t('balance-pending', { amount: m(b.pending) }),
    ];
    if (b.payingOut > 0) lines.push(t('balance-paying-out', { amount: m(b.payingOut) }));
    if (b.receivable > 0) lines.push(t('balance-receivable', { amount: m(b.receivable) }));
    if (b.earnedByMonth.length > 0) {
      lines.push(t('balance-earned-title'));
      for (const e of b.earnedByMonth)
        lines.push(
          t('balance-earned-line', { month: monthName(e.month, locale), amount: m(e.amount) }),
        );
    }
    lines.push(t('balance-minimum', { amount: m(b.minimum) }));
    if (b.openPayout) lines.push(t('balance-open-request'));
    parts.push(lines.join('\n'));
  }
  parts.push(
    view.history.length === 0
      ? t('balance-history-empty')
      : [t('balance-history-title'), ...view.history.map((p) => historyLine(t, p, locale))].join(
          '\n',
        ),
  );
  const keyboard = new InlineKeyboard();
  for (const b of view.balances.filter((x) => x.canRequest))
    keyboard
      .text(t('balance-button-request', { currency: b.currency }), requestData(b.currency))
      .row();
  keyboard.text(t('balance-button-refresh'), showData);
  return { text: parts.join('\n\n'), keyboard };
}
