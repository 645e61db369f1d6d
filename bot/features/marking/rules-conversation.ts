import { InlineKeyboard } from 'grammy';
import { readSellingSettings } from '../../../models/selling/update-settings.js';
import { assertNever } from '../../../models/errors.js';
import {
  contentRulesLimit,
  parseContentRules,
} from '../../../models/creatives/content-rules-input.js';
import { setContentRules } from '../../../models/marking/set-content-rules.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { sellingData } from '../../../messages/callback-data/selling.js';
import { accept, currentAccountId, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';

export const contentRulesConversationId = 'content-rules';

const listOrNone = (ctx: ConversationContext, list: string[]) =>
  list.length ? list.join(', ') : ctx.t('marking-rules-none');

/**
 * An owner sets a channel's stop words and blocked domains in one message (domains are told
 * from words by their dot; «-» clears both). Bad input re-asks and saves nothing.
 */
export function createContentRulesConversation(deps: BotDeps) {
  return async function contentRules(
    conversation: BotConversation,
    ctx: ConversationContext,
    channelId: string,
  ) {
    const accountId = await currentAccountId(conversation);
    if (!accountId) return;
    const input = { accountId, channelId };
    const view = await conversation.external(() => readSellingSettings(deps.database, input));
    if (!view.ok) {
      await ctx.reply(ctx.t('marking-rules-not-found'));
      return;
    }
    const { stopWords, blockedDomains } = view.value.settings;
    await ctx.reply(
      ctx.t('marking-rules-ask', {
        title: view.value.title,
        words: listOrNone(ctx, stopWords),
        domains: listOrNone(ctx, blockedDomains),
      }),
    );
    const saved = await askText(conversation, ctx, {
      notText: ctx.t('marking-text-only'),
      check: async (text) => {
        if (!text) return refuse(ctx.t('marking-text-only'));
        const parsed = parseContentRules(text);
        if (!parsed.ok) {
          switch (parsed.code) {
            case 'empty':
              return refuse(ctx.t('marking-rules-empty'));
            case 'too_many':
              return refuse(ctx.t('marking-rules-too-many', { max: contentRulesLimit }));
            case 'too_long':
              return refuse(ctx.t('marking-rules-too-long', { max: 64 }));
            default:
              return assertNever(parsed.code);
          }
        }
        const result = await conversation.external(() =>
          setContentRules(deps.database, { ...input, ...parsed.value }, deps.clock),
        );
        if (result.ok) return accept(result.value);
        return result.code === 'invalid' ? refuse(ctx.t('marking-rules-invalid')) : accept(null);
      },
    });
    if (!saved) {
      await ctx.reply(ctx.t('marking-rules-not-found'));
      return;
    }
    const back = new InlineKeyboard().text(
      ctx.t('marking-rules-back'),
      sellingData.pack({ action: 'open', channelId, args: [] }),
    );
    await ctx.reply(
      ctx.t('marking-rules-saved', {
        words: listOrNone(ctx, saved.stopWords),
        domains: listOrNone(ctx, saved.blockedDomains),
      }),
      { reply_markup: back },
    );
  };
}
