import { InlineKeyboard } from 'grammy';
import { formatUtc } from '../../format/dates.js';
import { formatMoney } from '../../format/money.js';
import { readDisputeCardView } from '../../models/disputes/queries.js';
import type { Currency } from '../../models/orders/table.js';
import { adminCardData } from '../callback-data/admin.js';
import { personLabel } from '../../format/html.js';
import type { AdminCardRenderer } from './registry.js';

/** The dispute card: parties, order and payment facts, the reason; evidence copied below it. */
export const renderDisputeCard: AdminCardRenderer = async ({ card, t, locale, database }) => {
  const view = await readDisputeCardView(database, card.objectId);
  if (!view) return { text: t('disputes-admin-gone', { id: card.objectId }) };
  const money = (amount: number, currency: Currency) => formatMoney(amount, currency, locale);
  const text = [
    t('disputes-admin-card', {
      id: view.disputeId.slice(0, 8),
      order: view.orderId,
      role: view.openerRole,
      opener: personLabel(view.opener),
      channels: view.channelTitles.join(', ') || '—',
      status: view.orderStatus,
      total: money(view.orderTotal, view.orderCurrency),
      paid: view.paymentAmount ? money(view.paymentAmount, view.currency) : '—',
      provider: view.provider ?? '—',
      settled: view.settled ? 'yes' : 'no',
      refundable: money(view.refundable, view.currency),
      opened: formatUtc(view.createdAt),
    }),
    t('disputes-admin-reason', { reason: view.reason }),
    view.evidence ? t('disputes-admin-evidence-below') : '',
    view.status === 'resolved' && view.refundAmount
      ? t('disputes-admin-refunded', { amount: money(view.refundAmount, view.currency) })
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard()
    .text(
      t('disputes-admin-button-full'),
      adminCardData.dispute.pack({ action: 'full', id: view.disputeId }),
    )
    .text(
      t('disputes-admin-button-part'),
      adminCardData.dispute.pack({ action: 'part', id: view.disputeId }),
    )
    .row()
    .text(
      t('disputes-admin-button-none'),
      adminCardData.dispute.pack({ action: 'none', id: view.disputeId }),
    );
  const evidence = view.evidence;
  return {
    text,
    keyboard,
    ...(evidence
      ? {
          attachments: async (api, chatId, cardMessageId) => {
            await api.copyMessage(chatId, evidence.chatId, evidence.messageId, {
              reply_parameters: { message_id: cardMessageId, allow_sending_without_reply: true },
            });
          },
        }
      : {}),
  };
};
