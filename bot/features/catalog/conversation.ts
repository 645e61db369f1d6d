import type { Conversation } from '@grammyjs/conversations';
import { maxSearchLength, minSearchLength, parseSearch } from '../../../models/catalog/filters.js';
import { searchCatalog } from '../../../models/catalog/search-catalog.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { html } from '../../html.js';
import { accountLocale } from '../../i18n.js';
import { isCommand } from '../support/validate.js';
import { noFilters, toCatalogFilters } from './filter-code.js';
import { listScreen } from './screens.js';

export const catalogSearchConversationId = 'catalog-search';

type SearchConversation = Conversation<BotContext, ConversationContext>;

/**
 * «🔍 Search»: asks for a channel name or @username (2–64 characters), re-asks with the reason on
 * anything else, then shows the first page of matches. The text is kept in the session so the
 * result pages can be turned. Commands leave (and run); button presses pass through.
 */
export function createCatalogSearchConversation(deps: BotDeps) {
  return async function catalogSearch(conversation: SearchConversation, ctx: ConversationContext) {
    const locale = await conversation.external((outside) => accountLocale(outside));
    await ctx.reply(
      ctx.t('catalog-search-ask', { min: minSearchLength, max: maxSearchLength }),
      html,
    );
    for (;;) {
      const answer = await conversation.wait();
      const message = answer.message;
      if (!message) return await conversation.skip({ next: true });
      if (isCommand(message)) return await conversation.halt({ next: true });
      if (message.text === undefined) {
        await answer.reply(answer.t('catalog-search-text-only'), html);
        continue;
      }
      const parsed = parseSearch(message.text);
      if (!parsed.ok) {
        switch (parsed.code) {
          case 'too_short':
            await answer.reply(
              answer.t('catalog-search-too-short', { min: minSearchLength }),
              html,
            );
            continue;
          case 'too_long':
            await answer.reply(answer.t('catalog-search-too-long', { max: maxSearchLength }), html);
            continue;
          default:
            assertNever(parsed.code);
        }
      }
      const query = parsed.value;
      const filters = { ...noFilters, search: true };
      const result = await conversation.external((outside) => {
        outside.session.catalogSearch = query;
        return searchCatalog(deps.database, toCatalogFilters(filters, query), { page: 0 });
      });
      const screen = listScreen(answer.t, filters, result, locale, query);
      await answer.reply(screen.text, { ...html, reply_markup: screen.keyboard });
      return;
    }
  };
}
