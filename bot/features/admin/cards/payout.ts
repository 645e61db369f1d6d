import { Composer } from 'grammy';
import { formatMoney } from '../../../../format/money.js';
import { adminLanguageOf } from '../../../../models/admin/admin-language.js';
import { assertNever } from '../../../../models/errors.js';
import { readPayoutCard } from '../../../../models/payouts/admin-view.js';
import {
  approvePayout,
  markPayoutPaid,
  rejectPayout,
  type DecidePayoutCode,
} from '../../../../models/payouts/decide-payout.js';
import type { BotContext } from '../../../context.js';
import { adminActor, askAdminReason, onAdminReply } from '../ask-reason.js';
import { adminCardData } from '../../../../messages/callback-data/admin.js';
import { answerAdmin, type AdminCardActions } from './actions-kit.js';

function failureKey(code: DecidePayoutCode): string {
  switch (code) {
    case 'not_found':
    case 'already_decided':
      return 'balance-admin-already';
    case 'insufficient_funds':
      return 'balance-admin-insufficient';
    default:
      return assertNever(code);
  }
}

/**
 * The payout card's buttons (`adm:payout:approve|paid|reject:<id>`, behind the admin guard):
 * Approve and Mark paid act at once; Reject asks for a reason (ForceReply) and the reply rejects.
 * Every press re-renders the card in place.
 */
export const createPayoutCardActions: AdminCardActions = (kit) => {
  const { deps, i18n } = kit;
  const composer = new Composer<BotContext>();

  composer.callbackQuery(adminCardData.payout.filter, async (ctx) => {
    const { action, id: payoutId } = adminCardData.payout.parse(ctx.callbackQuery.data);
    const locale = await adminLanguageOf(deps.database, deps.config.adminTelegramIds);
    const view = await readPayoutCard(deps.database, payoutId);
    if (!view) return answerAdmin(ctx, kit, 'balance-admin-already');
    const money = (amount: number) => formatMoney(amount, view.payout.currency, locale);
    if (action === 'reject') {
      return askAdminReason(ctx, deps, i18n, {
        kind: 'payout',
        objectId: payoutId,
        action: 'reject',
        promptKey: 'balance-admin-ask-reason',
        vars: { amount: money(view.payout.amount) },
      });
    }
    const decide = action === 'approve' ? approvePayout : markPayoutPaid;
    const result = await decide(deps.database, { payoutId, admin: adminActor(ctx) }, deps.clock);
    if (result.ok) {
      await answerAdmin(
        ctx,
        kit,
        action === 'approve' ? 'balance-admin-approved' : 'balance-admin-paid',
      );
    } else {
      const available = result.detail?.available;
      await answerAdmin(ctx, kit, failureKey(result.code), {
        available: typeof available === 'number' ? money(available) : '—',
      });
    }
    await kit.refresh(ctx, 'payout', payoutId);
  });

  composer.use(
    onAdminReply('payout', 'reject', async (ctx, reply) => {
      const result = await rejectPayout(
        deps.database,
        { payoutId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      );
      const key = result.ok ? 'balance-admin-rejected' : failureKey(result.code);
      await answerAdmin(ctx, kit, key, { available: '—' });
      await kit.refresh(ctx, 'payout', reply.objectId);
    }),
  );
  return composer;
};
