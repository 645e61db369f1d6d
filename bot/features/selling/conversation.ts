import type { Conversation } from '@grammyjs/conversations';
import { DateTime } from 'luxon';
import {
  readSellingSettings,
  updateChannelSettings,
} from '../../../models/channels/update-settings.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { html } from '../../html.js';
import { isCommand } from '../support/validate.js';
import { inputErrorText, parseInput, promptFor, type InputRequest } from './inputs.js';
import { formatsScreen } from './screens-offer.js';
import { mainScreen } from './screens.js';

export const sellingConversationId = 'selling-input';

type SellingConversation = Conversation<BotContext, ConversationContext>;

/**
 * Asks for one selling value (times, a price, a time zone…), re-asks with a localized reason on
 * bad input (nothing saved), saves a good one and shows the summary again (the formats list
 * after a price). Another command
 * leaves (and runs); button presses pass through; /cancel is handled before conversations.
 */
export function createSellingConversation(deps: BotDeps) {
  return async function sellingInput(
    conversation: SellingConversation,
    ctx: ConversationContext,
    request: InputRequest,
  ) {
    const accountId = await conversation.external((outside) => outside.account?.id ?? null);
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    if (!accountId) return;
    const input = { accountId, channelId: request.channelId };
    const view = await conversation.external(() => readSellingSettings(deps.database, input));
    if (!view.ok) {
      await ctx.reply(ctx.t('selling-not-found'), html);
      return;
    }
    await ctx.reply(
      `${promptFor(ctx.t, request, view.value.settings, locale)}\n\n${ctx.t('selling-cancel-hint')}`,
      html,
    );
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) return await conversation.skip({ next: true });
      if (isCommand(message)) return await conversation.halt({ next: true });
      const text = message.text?.trim();
      if (!text) {
        await answer.reply(answer.t('selling-text-only'), html);
        continue;
      }
      const today = await conversation.external(
        () =>
          DateTime.fromJSDate(deps.clock.now(), {
            zone: view.value.settings.timezone,
          }).toISODate() ?? '',
      );
      const parsed = parseInput(request, text, today);
      if (!parsed.ok) {
        await answer.reply(
          `${inputErrorText(answer.t, parsed.code, parsed.detail)}\n${answer.t('selling-try-again')}`,
          html,
        );
        continue;
      }
      const saved = await conversation.external(() =>
        updateChannelSettings(deps.database, { ...input, change: parsed.value }, deps.clock),
      );
      if (!saved.ok) {
        switch (saved.code) {
          case 'not_found':
          case 'forbidden':
            await answer.reply(answer.t('selling-not-found'), html);
            return;
          case 'invalid':
            await answer.reply(
              `${answer.t('selling-error-invalid')}\n${answer.t('selling-try-again')}`,
              html,
            );
            continue;
          default:
            assertNever(saved.code);
        }
      }
      // A price (or the pinned offer) goes back to the formats list; anything else to the summary.
      const next =
        request.kind === 'price' || request.kind === 'pinned' ? formatsScreen : mainScreen;
      const screen = next(answer.t, { ...view.value, settings: saved.value }, locale);
      await answer.reply(`${answer.t('selling-saved')}\n\n${screen.text}`, {
        ...html,
        reply_markup: screen.keyboard,
      });
      return;
    }
  };
}
