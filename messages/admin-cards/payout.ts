import { InlineKeyboard } from 'grammy';
import { formatUtc } from '../../format/dates.js';
import { formatMoney } from '../../format/money.js';
import { readPayoutCard } from '../../models/payouts/admin-view.js';
import { adminCardData } from '../callback-data/admin.js';
import { personLabel } from '../../format/html.js';
import type { AdminCardRenderer } from './registry.js';

/**
 * The payout card: workspace, owner, amount, method and the full payout details (the admin makes
 * the transfer by hand), the owner's available balance now. Requested ⇒ Approve / Reject;
 * approved ⇒ who approved, Mark paid / Reject. Decided cards get their line from the poster.
 */
export const renderPayoutCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const view = await readPayoutCard(database, card.objectId);
  if (!view) return { text: t('balance-admin-gone', { id: card.objectId }) };
  const { payout } = view;
  const money = (amount: number) => formatMoney(amount, payout.currency, locale);
  const lines = [
    t('balance-admin-card', {
      id: payout.id.slice(0, 8),
      workspace: view.workspaceTitle ?? (view.channelTitles.join(', ') || '—'),
      owner: personLabel({
        name: view.owner.firstName,
        username: view.owner.username,
        telegramId: view.owner.telegramId,
      }),
      amount: money(payout.amount),
      method: payout.method ?? 'other',
      details: payout.details,
      available: money(view.available),
      requested: formatUtc(payout.createdAt),
      stars: payout.currency === 'XTR' ? 'yes' : 'no',
    }),
  ];
  const approvedBy = typeof card.data.approvedBy === 'string' ? card.data.approvedBy : undefined;
  if (payout.status === 'approved') {
    lines.push(
      t('balance-admin-approved-line', {
        admin: approvedBy ?? String(payout.decidedByTelegramId ?? '—'),
        time: formatUtc(payout.decidedAt),
      }),
    );
  }
  const keyboard = new InlineKeyboard();
  if (payout.status === 'requested') {
    keyboard
      .text(
        t('balance-admin-button-approve'),
        adminCardData.payout.pack({ action: 'approve', id: payout.id }),
      )
      .text(
        t('balance-admin-button-reject'),
        adminCardData.payout.pack({ action: 'reject', id: payout.id }),
      );
  } else if (payout.status === 'approved') {
    keyboard
      .text(
        t('balance-admin-button-paid'),
        adminCardData.payout.pack({ action: 'paid', id: payout.id }),
      )
      .text(
        t('balance-admin-button-reject'),
        adminCardData.payout.pack({ action: 'reject', id: payout.id }),
      );
  }
  return {
    text: lines.join('\n\n'),
    ...(keyboard.inline_keyboard.length > 0 ? { keyboard } : {}),
  };
};
