import type { Translate } from '../../../messages/i18n.js';
import { InlineKeyboard } from 'grammy';
import { requestPayoutData, showBalanceData } from '../../../messages/callback-data/balance.js';
import { formatDate, formatMonthLong } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import type { BalanceOverview } from '../../../models/payouts/overview.js';
import type { PayoutRow } from '../../../models/payouts/queries.js';

function historyLine(t: Translate, p: PayoutRow, locale: string): string {
  return t('balance-history-line', {
    date: formatDate(p.paidAt ?? p.createdAt, 'UTC', locale),
    amount: formatMoney(p.amount, p.currency, locale),
    status: p.status,
  });
}

/** The «Balance & payouts» screen: one block per currency, the latest payouts, request buttons. */
export function renderBalance(
  t: Translate,
  view: BalanceOverview,
  locale: string,
): { text: string; keyboard: InlineKeyboard } {
  const parts = [t('balance-title')];
  if (view.balances.length === 0) parts.push(t('balance-empty'));
  for (const b of view.balances) {
    const m = (amount: number) => formatMoney(amount, b.currency, locale);
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
          t('balance-earned-line', {
            month: formatMonthLong(e.month, locale),
            amount: m(e.amount),
          }),
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
      .text(
        t('balance-button-request', { currency: b.currency }),
        requestPayoutData.pack({ currency: b.currency }),
      )
      .row();
  keyboard.text(t('balance-button-refresh'), showBalanceData);
  return { text: parts.join('\n\n'), keyboard };
}
