import { formatUtc } from '../../format/dates.js';
import { formatMoney } from '../../format/money.js';
import { trustedHtml } from '../../format/html.js';
import { personLabel } from '../../format/html.js';
import type { AdminCardRenderer } from './registry.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * A Stars charge whose successful_payment the bot never handled, found in getStarTransactions by
 * payments.reconcile-stars: which charge, who paid, how much, for what. It only informs — opened
 * decided by LytSlot, the poster's decision line says what was done (recorded / refunded).
 */
export const renderStarsChargeCard: AdminCardRenderer = ({ card, t, locale }) => {
  const d = card.data;
  const paidAt = text(d.paidAt);
  const id = text(d.orderId) ?? text(d.workspaceId);
  return Promise.resolve({
    text: t('admin-stars-charge-card', {
      charge: text(d.chargeId) ?? '—',
      payer: personLabel({
        name: text(d.payerName) ?? null,
        username: text(d.payerUsername) ?? null,
        telegramId: count(d.payerTelegramId),
      }),
      amount: formatMoney(count(d.amount), 'XTR', locale),
      paid: formatUtc(paidAt ? new Date(paidAt) : null),
      target: trustedHtml(
        t('admin-stars-charge-target', {
          kind: text(d.target) ?? 'unknown',
          id: id ? id.slice(0, 8) : '—',
          payload: (text(d.payload) ?? '—').slice(0, 128),
        }),
      ),
    }),
  });
};
