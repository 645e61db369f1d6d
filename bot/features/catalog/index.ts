import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { catalogSearchConversationId, createCatalogSearchConversation } from './conversation.js';
import { decodeFilters, filterCodePattern } from './filter-code.js';
import { answerCatalogInline } from './inline.js';
import { choiceScreen, filtersScreen, listData } from './screens.js';
import { currentSearch } from './search-state.js';
import { showCatalogCard, showCatalogHome, showCatalogList } from './show.js';
import { editOrReply } from './view-helpers.js';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const fields = { fc: 'category', fl: 'language', fs: 'subscribers', fp: 'price' } as const;

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

  const chats = feature.chatType('private');
  chats.callbackQuery('cat:home', async (ctx) => {
    await showCatalogHome(ctx, deps);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery('cat:s', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(catalogSearchConversationId);
  });
  chats.callbackQuery(new RegExp(`^cat:l:(${filterCodePattern}):(\\d{1,4})$`), async (ctx) => {
    await showCatalogList(ctx, deps, decodeFilters(ctx.match[1] ?? ''), Number(ctx.match[2]));
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(new RegExp(`^cat:f:(${filterCodePattern})$`), async (ctx) => {
    const f = decodeFilters(ctx.match[1] ?? '');
    await editOrReply(
      ctx,
      filtersScreen(ctx.t.bind(ctx), f, accountLocale(ctx), currentSearch(ctx)),
    );
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(new RegExp(`^cat:(fc|fl|fs|fp):(${filterCodePattern})$`), async (ctx) => {
    const field = fields[(ctx.match[1] ?? 'fc') as keyof typeof fields];
    const f = decodeFilters(ctx.match[2] ?? '');
    await editOrReply(ctx, choiceScreen(ctx.t.bind(ctx), f, field, accountLocale(ctx)));
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(
    new RegExp(`^cat:c:(${uuid}):(${filterCodePattern}):(\\d{1,4})$`),
    async (ctx) => {
      const [, channelId = '', code = '', page = '0'] = ctx.match;
      const back = listData(decodeFilters(code), Number(page));
      const shown = await showCatalogCard(ctx, deps, { channelId }, back);
      if (!shown) {
        return ctx.answerCallbackQuery({
          text: ctx.t('catalog-unavailable-short'),
          show_alert: true,
        });
      }
      await ctx.answerCallbackQuery();
    },
  );
  // Anything else under cat: is stale or crafted: stop the spinner, change nothing.
  chats.callbackQuery(/^cat:/, (ctx) => ctx.answerCallbackQuery({ text: ctx.t('catalog-stale') }));
  return feature;
}
