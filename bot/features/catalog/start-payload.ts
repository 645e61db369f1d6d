import { InlineKeyboard } from 'grammy';
import type { BotContext, BotDeps } from '../../context.js';
import { showCatalogCard } from './show.js';

/** `/start ch_<code>`: the channel's catalog card, or a clear answer when it is not available. */
export async function openChannelFromStart(
  ctx: BotContext,
  shareCode: string,
  deps: BotDeps,
): Promise<void> {
  const shown = await showCatalogCard(ctx, deps, { shareCode }, 'cat:home');
  if (shown) return;
  await ctx.reply(ctx.t('catalog-unavailable'), {
    reply_markup: new InlineKeyboard().text(ctx.t('catalog-button-find'), 'cat:home'),
  });
}
