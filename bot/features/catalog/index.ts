import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { catalogSearchConversationId, createCatalogSearchConversation } from './conversation.js';
import { decodeFilters } from './filter-code.js';
import { answerCatalogInline } from './inline.js';
import { choiceScreen, filtersScreen, listData } from './screens.js';
import { currentSearch } from './search-state.js';
import { showCatalogCard, showCatalogHome, showCatalogList } from './show.js';
import { editOrReply } from './view-helpers.js';
import {
  cardData,
  choiceData,
  filtersData,
  listData as listCallback,
} from '../../../messages/callback-data/catalog.js';
import { privateChats } from '../../kit/account.js';

/**
 * The advertisers' catalog (`cat:*`): results with filters and paging, filter screens, search by
 * name (a short conversation), the public channel card, and inline mode (`@bot <query>`).
 */
export function createCatalogFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createCatalogSearchConversation(deps), {
      id: catalogSearchConversationId,
    }),
  );
  feature.on('inline_query', (ctx) => answerCatalogInline(ctx, deps));

  const chats = privateChats(feature);
  chats.callbackQuery('cat:home', async (ctx) => {
    await showCatalogHome(ctx, deps);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery('cat:s', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(catalogSearchConversationId);
  });
  chats.callbackQuery(listCallback.filter, async (ctx) => {
    const { filters, page } = listCallback.parse(ctx.callbackQuery.data);
    await showCatalogList(ctx, deps, decodeFilters(filters), page);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(filtersData.filter, async (ctx) => {
    const f = decodeFilters(filtersData.parse(ctx.callbackQuery.data).filters);
    await editOrReply(
      ctx,
      filtersScreen(ctx.t.bind(ctx), f, accountLocale(ctx), currentSearch(ctx)),
    );
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(choiceData.filter, async (ctx) => {
    const { field, filters } = choiceData.parse(ctx.callbackQuery.data);
    const f = decodeFilters(filters);
    await editOrReply(ctx, choiceScreen(ctx.t.bind(ctx), f, field, accountLocale(ctx)));
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(cardData.filter, async (ctx) => {
    const { channelId, filters, page } = cardData.parse(ctx.callbackQuery.data);
    const back = listData(decodeFilters(filters), page);
    const shown = await showCatalogCard(ctx, deps, { channelId }, back);
    if (!shown) {
      return ctx.answerCallbackQuery({
        text: ctx.t('catalog-unavailable-short'),
        show_alert: true,
      });
    }
    await ctx.answerCallbackQuery();
  });
  // Anything else under cat: is stale or crafted: stop the spinner, change nothing.
  chats.callbackQuery(/^cat:/, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('catalog-stale') }));
  return feature;
}
