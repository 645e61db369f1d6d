import { Composer, GrammyError } from 'grammy';
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
import { starsPaymentRefunder } from '../../../../models/payments/refund-order.js';
import { paymentRefunders } from '../../../../models/providers/create-providers.js';
import type { BotContext } from '../../../context.js';
import { createStarsRefunder } from '../../../../telegram/stars.js';
import { askAdminReason, onAdminReply, type AdminReply } from '../ask-reason.js';
import { adminCardData } from '../../../../messages/callback-data/admin.js';
import { answerAdmin, type AdminCardActions } from './actions-kit.js';

const actions = { full: 'full_refund', part: 'partial_refund', none: 'no_refund' } as const;

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

  composer.callbackQuery(adminCardData.dispute.filter, async (ctx) => {
    const { action, id: disputeId } = adminCardData.dispute.parse(ctx.callbackQuery.data);
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
