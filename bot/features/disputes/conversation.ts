import type { Conversation } from '@grammyjs/conversations';
import { assertNever } from '../../../models/errors.js';
import { openDispute, type OpenDisputeCode } from '../../../models/disputes/open-dispute.js';
import { disputeReasonMax, disputeWindowDays } from '../../../models/disputes/rules.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { html } from '../../html.js';
import { isCommand } from '../support/validate.js';

export const disputeConversationId = 'dispute';

type DisputeConversation = Conversation<BotContext, ConversationContext>;

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
    conversation: DisputeConversation,
    ctx: ConversationContext,
    args: { orderId: string },
  ) {
    const accountId = await conversation.external((outside) => outside.account?.id ?? null);
    if (!accountId) return;
    await ctx.reply(ctx.t('disputes-ask-reason', { max: String(disputeReasonMax) }), html);
    let reason = '';
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) {
        await conversation.skip({ next: true });
        continue;
      }
      if (isCommand(message)) return await conversation.halt({ next: true });
      const text = message.text?.trim() ?? '';
      if (text && text.length <= disputeReasonMax) {
        reason = text;
        break;
      }
      await answer.reply(
        answer.t('disputes-reason-invalid', { max: String(disputeReasonMax) }),
        html,
      );
    }
    await ctx.reply(ctx.t('disputes-ask-evidence'), html);
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) {
        await conversation.skip({ next: true });
        continue;
      }
      if (isCommand(message)) return await conversation.halt({ next: true });
      const evidence = { chatId: message.chat.id, messageId: message.message_id };
      const opened = await conversation.external(() =>
        openDispute(
          deps.database,
          { accountId, orderId: args.orderId, reason, evidence },
          deps.clock,
        ),
      );
      if (!opened.ok) {
        await answer.reply(disputeRefusal(answer.t, opened.code), html);
        return;
      }
      await answer.reply(answer.t('disputes-opened'), html);
      return;
    }
  };
}
