import { assertNever } from '../../../models/errors.js';
import { openDispute, type OpenDisputeCode } from '../../../models/disputes/open-dispute.js';
import { disputeReasonMax, disputeWindowDays } from '../../../models/disputes/rules.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { currentAccountId, waitAnswer, type BotConversation } from '../../kit/conversation.js';
import { askReason } from '../../kit/steps.js';

export const disputeConversationId = 'dispute';

/** The refusal text of an openDispute failure. */
export function disputeRefusal(t: ConversationContext['t'], code: OpenDisputeCode): string {
  switch (code) {
    case 'not_found':
      return t('disputes-not-found');
    case 'not_disputable':
      return t('disputes-not-disputable', { days: disputeWindowDays });
    case 'window_closed':
      return t('disputes-window-closed', { days: disputeWindowDays });
    case 'already_open':
      return t('disputes-already-open');
    case 'reason_empty':
    case 'reason_too_long':
      return t('disputes-reason-invalid', { max: String(disputeReasonMax) });
    default:
      return assertNever(code);
  }
}

/**
 * «Open a dispute»: asks for the reason (one text message, 1–1000 characters; re-asked otherwise),
 * then for one evidence message of any kind (text, photo, screenshot, document…), then opens the
 * dispute. Another command leaves; /cancel is handled before conversations run.
 */
export function createDisputeConversation(deps: BotDeps) {
  return async function dispute(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: { orderId: string },
  ) {
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const max = String(disputeReasonMax);
    const reason = await askReason(conversation, ctx, {
      prompt: ctx.t('disputes-ask-reason', { max }),
      max: disputeReasonMax,
      invalid: ctx.t('disputes-reason-invalid', { max }),
    });
    await ctx.reply(ctx.t('disputes-ask-evidence'));
    const message = (await waitAnswer(conversation, ctx)).message;
    if (!message) return;
    const evidence = { chatId: message.chat.id, messageId: message.message_id };
    const opened = await conversation.external(() =>
      openDispute(
        deps.database,
        { accountId, orderId: args.orderId, reason, evidence },
        deps.clock,
      ),
    );
    await ctx.reply(opened.ok ? ctx.t('disputes-opened') : disputeRefusal(ctx.t, opened.code));
  };
}
