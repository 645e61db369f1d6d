import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { formatUtc } from '../../../../format/dates.js';
import { formatMoney } from '../../../../format/money.js';
import { adminLanguageOf } from '../../../../models/admin/admin-language.js';
import { readDisputeCardView } from '../../../../models/disputes/queries.js';
import {
  resolveDispute,
  type ResolveDisputeCode,
} from '../../../../models/disputes/resolve-dispute.js';
import { parseMajorAmount } from '../../../../models/disputes/rules.js';
import type { DisputeDecision } from '../../../../models/disputes/table.js';
import { assertNever } from '../../../../models/errors.js';
import type { Currency } from '../../../../models/orders/table.js';
import { starsPaymentRefunder } from '../../../../models/payments/refund-order.js';
import { paymentRefunders } from '../../../../models/providers/create-providers.js';
import type { BotContext } from '../../../context.js';
import { escapeHtml } from '../../../html.js';
import { createStarsRefunder } from '../../checkout/gateway.js';
import { askAdminReason, onAdminReply, type AdminReply } from '../ask-reason.js';
import { adminData, adminDataPattern } from '../callback-data.js';
import { personLabel } from '../commands/ops-text.js';
import { answerAdmin, type AdminCardActions } from './actions-kit.js';
import type { AdminCardRenderer } from './registry.js';

const actions = { full: 'full_refund', part: 'partial_refund', none: 'no_refund' } as const;
type Action = keyof typeof actions;

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
      channels: escapeHtml(view.channelTitles.join(', ') || '—'),
      status: view.orderStatus,
      total: money(view.orderTotal, view.orderCurrency),
      paid: view.paymentAmount ? money(view.paymentAmount, view.currency) : '—',
      provider: view.provider ?? '—',
      settled: view.settled ? 'yes' : 'no',
      refundable: money(view.refundable, view.currency),
      opened: formatUtc(view.createdAt),
    }),
    t('disputes-admin-reason', { reason: escapeHtml(view.reason) }),
    view.evidence ? t('disputes-admin-evidence-below') : '',
    view.status === 'resolved' && view.refundAmount
      ? t('disputes-admin-refunded', { amount: money(view.refundAmount, view.currency) })
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const keyboard = new InlineKeyboard()
    .text(t('disputes-admin-button-full'), adminData('dispute', 'full', view.disputeId))
    .text(t('disputes-admin-button-part'), adminData('dispute', 'part', view.disputeId))
    .row()
    .text(t('disputes-admin-button-none'), adminData('dispute', 'none', view.disputeId));
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

function failureKey(code: ResolveDisputeCode | 'invalid_amount'): string {
  switch (code) {
    case 'not_found':
    case 'already_resolved':
      return 'disputes-admin-already';
    case 'invalid_amount':
      return 'disputes-admin-amount-invalid';
    case 'amount_too_large':
      return 'disputes-admin-amount-too-large';
    case 'nothing_to_refund':
      return 'disputes-admin-nothing';
    case 'refund_failed':
      return 'disputes-admin-refund-failed';
    case 'not_yet':
      return 'disputes-admin-not-yet';
    default:
      return assertNever(code);
  }
}

/**
 * The dispute card's buttons (`adm:dispute:full|part|none:<id>`, behind the admin guard): each asks
 * for a note (partial: the amount in major units — up to 2 decimals, whole stars — then an optional
 * note) with ForceReply, and the reply resolves the dispute; the card re-renders decided.
 */
export const disputeCardActions: AdminCardActions = (input) => {
  const { deps, i18n } = input;
  const composer = new Composer<BotContext>();

  composer.callbackQuery(adminDataPattern('dispute', Object.keys(actions)), async (ctx) => {
    const action = ctx.match[1] as Action;
    const disputeId = ctx.match[2] ?? '';
    const view = await readDisputeCardView(deps.database, disputeId);
    const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
    if (!view || view.status !== 'open')
      return ctx.answerCallbackQuery({
        text: i18n.t(locale, 'disputes-admin-already'),
        show_alert: true,
      });
    await askAdminReason(ctx, deps, i18n, {
      kind: 'dispute',
      objectId: disputeId,
      action,
      promptKey: action === 'part' ? 'disputes-admin-ask-amount' : 'disputes-admin-ask-note',
      vars: {
        max: formatMoney(view.refundable, view.currency, locale),
        decision: actions[action],
      },
    });
  });

  const resolve = async (ctx: BotContext, reply: AdminReply, decision: DisputeDecision) => {
    const view = await readDisputeCardView(deps.database, reply.objectId);
    if (!view) return answerAdmin(ctx, input, 'disputes-admin-already');
    let amount: number | undefined;
    let note = reply.text;
    if (decision === 'partial_refund') {
      const [first = '', ...rest] = reply.text.split(/\s+/);
      const parsed = parseMajorAmount(first, view.currency);
      if (!parsed.ok) return answerAdmin(ctx, input, failureKey('invalid_amount'));
      amount = parsed.value;
      note = rest.join(' ');
    }
    const stars = starsPaymentRefunder(createStarsRefunder(deps.outbound.api));
    const result = await resolveDispute(
      deps.database,
      {
        disputeId: reply.objectId,
        decision,
        ...(amount !== undefined ? { amount } : {}),
        ...(note ? { note } : {}),
        admin: reply.admin,
        refunders: paymentRefunders(deps.providers ?? {}, stars),
      },
      deps.clock,
    );
    const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
    if (!result.ok) {
      const left = typeof result.detail?.left === 'number' ? result.detail.left : view.refundable;
      return answerAdmin(ctx, input, failureKey(result.code), {
        max: formatMoney(left, view.currency, locale),
      });
    }
    await input.refresh(ctx, 'dispute', reply.objectId);
    try {
      await answerAdmin(ctx, input, 'disputes-admin-done', {
        decision,
        amount: formatMoney(result.value.refunded + result.value.credited, view.currency, locale),
      });
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
    }
  };

  for (const [action, decision] of Object.entries(actions)) {
    composer.use(onAdminReply('dispute', action, (ctx, reply) => resolve(ctx, reply, decision)));
  }
  return composer;
};
