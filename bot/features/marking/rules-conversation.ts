import { InlineKeyboard } from 'grammy';
import { readSellingSettings } from '../../../models/channels/update-settings.js';
import { assertNever } from '../../../models/errors.js';
import {
  contentRulesLimit,
  parseContentRules,
} from '../../../models/marking/content-rules-input.js';
import { setContentRules } from '../../../models/marking/set-content-rules.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { escapeHtml, html } from '../../html.js';
import { waitInput, type CreativeConversation } from '../creative/steps.js';

export const contentRulesConversationId = 'content-rules';

const listOrNone = (ctx: ConversationContext, list: string[]) =>
  list.length ? escapeHtml(list.join(', ')) : ctx.t('marking-rules-none');

/**
 * An owner sets a channel's stop words and blocked domains in one message (domains are told
 * from words by their dot; «-» clears both). Bad input re-asks and saves nothing.
 */
export function createContentRulesConversation(deps: BotDeps) {
  return async function contentRules(
    conversation: CreativeConversation,
    ctx: ConversationContext,
    channelId: string,
  ) {
    const accountId = await conversation.external((outside) => outside.account?.id ?? null);
    if (!accountId) return;
    const input = { accountId, channelId };
    const view = await conversation.external(() => readSellingSettings(deps.database, input));
    if (!view.ok) {
      await ctx.reply(ctx.t('marking-rules-not-found'), html);
      return;
    }
    const { stopWords, blockedDomains } = view.value.settings;
    await ctx.reply(
      ctx.t('marking-rules-ask', {
        title: escapeHtml(view.value.title),
        words: listOrNone(ctx, stopWords),
        domains: listOrNone(ctx, blockedDomains),
      }),
      html,
    );
    for (;;) {
      const answer = await waitInput(conversation, []);
      const text = answer.message?.text;
      if (!text) {
        await answer.reply(ctx.t('marking-text-only'), html);
        continue;
      }
      const parsed = parseContentRules(text);
      if (!parsed.ok) {
        switch (parsed.code) {
          case 'empty':
            await answer.reply(ctx.t('marking-rules-empty'), html);
            continue;
          case 'too_many':
            await answer.reply(ctx.t('marking-rules-too-many', { max: contentRulesLimit }), html);
            continue;
          case 'too_long':
            await answer.reply(ctx.t('marking-rules-too-long', { max: 64 }), html);
            continue;
          default:
            assertNever(parsed.code);
        }
      }
      const saved = await conversation.external(() =>
        setContentRules(deps.database, { ...input, ...parsed.value }, deps.clock),
      );
      if (!saved.ok) {
        await answer.reply(
          saved.code === 'invalid'
            ? ctx.t('marking-rules-invalid')
            : ctx.t('marking-rules-not-found'),
          html,
        );
        if (saved.code === 'invalid') continue;
        return;
      }
      const back = new InlineKeyboard().text(ctx.t('marking-rules-back'), `sell:open:${channelId}`);
      await answer.reply(
        ctx.t('marking-rules-saved', {
          words: listOrNone(ctx, saved.value.stopWords),
          domains: listOrNone(ctx, saved.value.blockedDomains),
        }),
        { ...html, reply_markup: back },
      );
      return;
    }
  };
}
