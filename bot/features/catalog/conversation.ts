import { maxSearchLength, minSearchLength, parseSearch } from '../../../models/catalog/filters.js';
import { searchCatalog } from '../../../models/catalog/search-catalog.js';
import { assertNever } from '../../../models/errors.js';
import type { BotDeps, ConversationContext } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { accept, refuse, type BotConversation } from '../../kit/conversation.js';
import { askText } from '../../kit/steps.js';
import { noFilters, toCatalogFilters } from './filter-code.js';
import { listScreen } from './screens.js';

export const catalogSearchConversationId = 'catalog-search';

/**
 * «🔍 Search»: asks for a channel name or @username (2–64 characters), re-asks with the reason on
 * anything else, then shows the first page of matches. The text is kept in the session so the
 * result pages can be turned. Commands leave (and run); button presses pass through.
 */
export function createCatalogSearchConversation(deps: BotDeps) {
  return async function catalogSearch(conversation: BotConversation, ctx: ConversationContext) {
    const locale = await conversation.external((outside) => accountLocale(outside));
    const query = await askText(conversation, ctx, {
      prompt: ctx.t('catalog-search-ask', { min: minSearchLength, max: maxSearchLength }),
      notText: ctx.t('catalog-search-text-only'),
      check: (text) => {
        const parsed = parseSearch(text);
        if (parsed.ok) return accept(parsed.value);
        switch (parsed.code) {
          case 'too_short':
            return refuse(ctx.t('catalog-search-too-short', { min: minSearchLength }));
          case 'too_long':
            return refuse(ctx.t('catalog-search-too-long', { max: maxSearchLength }));
          default:
            return assertNever(parsed.code);
        }
      },
    });
    const filters = { ...noFilters, search: true };
    const result = await conversation.external((outside) => {
      outside.session.catalogSearch = query;
      return searchCatalog(deps.database, toCatalogFilters(filters, query), { page: 0 });
    });
    const screen = listScreen(ctx.t, filters, result, locale, query);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  };
}
