import { DateTime } from 'luxon';
import {
  readSellingSettings,
  updateChannelSettings,
} from '../../../models/selling/update-settings.js';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import { assertNever } from '../../../models/errors.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accept, currentAccountId, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';
import { inputErrorText, parseInput, promptFor, type InputRequest } from './inputs.js';
import { formatsScreen } from './screens-offer.js';
import { mainScreen } from './screens.js';

export const sellingConversationId = 'selling-input';

/**
 * Asks for one selling value (times, a price, a time zone…), re-asks with a localized reason on
 * bad input (nothing saved), saves a good one and shows the summary again (the formats list
 * after a price). Another command
 * leaves (and runs); button presses pass through; /cancel is handled before conversations.
 */
export function createSellingConversation(deps: BotDeps) {
  return async function sellingInput(
    conversation: BotConversation,
    ctx: ConversationContext,
    request: InputRequest,
  ) {
    const accountId = await currentAccountId(conversation);
    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    if (!accountId) return;
    const input = { accountId, channelId: request.channelId };
    const view = await conversation.external(() => readSellingSettings(deps.database, input));
    if (!view.ok) {
      await ctx.reply(ctx.t('selling-not-found'));
      return;
    }
    const textOnly = ctx.t('selling-text-only');
    const tryAgain = (reason: string) => `${reason}\n${ctx.t('selling-try-again')}`;
    const saved = await askText<ChannelSettings | null>(conversation, ctx, {
      prompt: `${promptFor(ctx.t, request, view.value.settings, locale)}\n\n${ctx.t('selling-cancel-hint')}`,
      notText: textOnly,
      check: async (typed) => {
        const text = typed.trim();
        if (!text) return refuse(textOnly);
        // "Today" in the channel's time zone, for dates typed without a year or in the past.
        const today = await conversation.external(
          () =>
            DateTime.fromJSDate(deps.clock.now(), {
              zone: view.value.settings.timezone,
            }).toISODate() ?? '',
        );
        const parsed = parseInput(request, text, today);
        if (!parsed.ok) return refuse(tryAgain(inputErrorText(ctx.t, parsed.code, parsed.detail)));
        const result = await conversation.external(() =>
          updateChannelSettings(deps.database, { ...input, change: parsed.value }, deps.clock),
        );
        if (result.ok) return accept(result.value);
        switch (result.code) {
          case 'not_found':
          case 'forbidden':
            return accept(null);
          case 'invalid':
            return refuse(tryAgain(ctx.t('selling-error-invalid')));
          default:
            return assertNever(result.code);
        }
      },
    });
    if (!saved) {
      await ctx.reply(ctx.t('selling-not-found'));
      return;
    }
    // A price (or the pinned offer) goes back to the formats list; anything else to the summary.
    const next = request.kind === 'price' || request.kind === 'pinned' ? formatsScreen : mainScreen;
    const screen = next(ctx.t, { ...view.value, settings: saved }, locale);
    await ctx.reply(`${ctx.t('selling-saved')}\n\n${screen.text}`, {
      reply_markup: screen.keyboard,
    });
  };
}
