import { loadCatalogCard, viewerTimezone } from '../../../models/catalog/catalog-card.js';
import { searchCatalog } from '../../../models/catalog/search-catalog.js';
import type { BotContext, BotDeps } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { showScreen } from '../../kit/show-screen.js';
import { cardScreen } from './card.js';
import { noFilters, toCatalogFilters, type FilterState } from './filter-code.js';
import { listScreen } from './screens.js';
import { currentSearch } from './search-state.js';

/** The results screen for these filters and page (edits the pressed message, else replies). */
export async function showCatalogList(
  ctx: BotContext,
  deps: BotDeps,
  f: FilterState,
  page: number,
): Promise<void> {
  const search = currentSearch(ctx);
  const result = await searchCatalog(deps.database, toCatalogFilters(f, search), { page });
  const screen = listScreen(ctx.t.bind(ctx), f, result, accountLocale(ctx), search);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/** `cat:home` and «🔎 Find channels»: every sellable channel, no filters, no search. */
export async function showCatalogHome(ctx: BotContext, deps: BotDeps): Promise<void> {
  if (ctx.chat?.type === 'private') delete ctx.session.catalogSearch;
  await showCatalogList(ctx, deps, noFilters, 0);
}

/** A channel's public card; false when it is not available (unknown, paused, blocked). */
export async function showCatalogCard(
  ctx: BotContext,
  deps: BotDeps,
  where: { channelId: string } | { shareCode: string },
  back: string,
): Promise<boolean> {
  const card = await loadCatalogCard(deps.database, where, deps.clock.now());
  if (!card) return false;
  const viewerZone = ctx.account ? await viewerTimezone(deps.database, ctx.account.id) : 'UTC';
  const screen = cardScreen(ctx.t.bind(ctx), card, {
    viewerZone,
    locale: accountLocale(ctx),
    botUsername: ctx.me.username,
    back,
  });
  await showScreen(ctx, screen.text, screen.keyboard);
  return true;
}
