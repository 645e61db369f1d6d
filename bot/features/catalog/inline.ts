import type { InlineQueryResultArticle } from 'grammy/types';
import { formatMoney } from '../../../format/money.js';
import { parseSearch } from '../../../models/catalog/filters.js';
import { searchCatalog } from '../../../models/catalog/search-catalog.js';
import type { BotContext, BotDeps } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { cardLink, handleOf } from './view-helpers.js';

/** Results per inline answer (Telegram allows 50). */
export const inlinePageSize = 20;

/**
 * `@bot <query>`: up to 20 matching channels as articles to share (title, subscribers, cheapest
 * price, the deep link in the text and as a button). An empty or one-letter query lists the
 * biggest channels. `next_offset` pages on.
 */
export async function answerCatalogInline(ctx: BotContext, deps: BotDeps): Promise<void> {
  const query = ctx.inlineQuery;
  if (!query) return;
  const parsed = parseSearch(query.query);
  const page = /^\d{1,4}$/.test(query.offset) ? Number(query.offset) : 0;
  const result = await searchCatalog(deps.database, parsed.ok ? { search: parsed.value } : {}, {
    page,
    pageSize: inlinePageSize,
  });
  const locale = accountLocale(ctx);
  const t = ctx.t.bind(ctx);
  const items = result.page === page ? result.items : [];
  const results: InlineQueryResultArticle[] = items.map((e) => {
    const price = formatMoney(e.cheapestPrice, e.currency, locale);
    const link = cardLink(ctx.me.username, e.shareCode);
    return {
      type: 'article',
      id: e.id,
      title: e.title,
      description: ctx.tPlain('catalog-inline-description', { subscribers: e.subscribers, price }),
      input_message_content: {
        message_text: t('catalog-inline-message', {
          title: e.title,
          handle: handleOf(t, e.username),
          subscribers: e.subscribers,
          price,
          link,
        }),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
      reply_markup: { inline_keyboard: [[{ text: t('catalog-inline-open'), url: link }]] },
    };
  });
  await ctx.answerInlineQuery(results, {
    cache_time: 10,
    is_personal: false,
    next_offset: items.length > 0 && result.page < result.pages - 1 ? String(page + 1) : '',
  });
}
