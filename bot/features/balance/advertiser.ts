import type { Translate } from '../../../messages/i18n.js';
import { InlineKeyboard } from 'grammy';
import { formatDate } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import {
  readAdvertiserBalance,
  type AdvertiserBalance,
} from '../../../models/payments/advertiser-balance.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { startMenuData } from '../../../messages/callback-data/start.js';

/** The advertiser's credit per currency and its latest movements, with the way to their orders. */
export function renderAdvertiserBalance(
  t: Translate,
  view: AdvertiserBalance,
  locale: string,
): { text: string; keyboard: InlineKeyboard } {
  const parts = [t('adv-balance-title')];
  if (view.credits.length === 0) parts.push(t('adv-balance-empty'));
  for (const c of view.credits)
    parts.push(
      t('adv-balance-available', { amount: formatMoney(c.available, c.currency, locale) }),
    );
  if (view.movements.length > 0) {
    const lines = view.movements.map((m) =>
      t('adv-balance-movement', {
        date: formatDate(m.at, 'UTC', locale),
        kind: m.kind,
        amount: formatMoney(m.amount, m.currency, locale),
        order: m.orderId ? m.orderId.slice(0, 8) : '—',
      }),
    );
    parts.push([t('adv-balance-movements'), ...lines].join('\n'));
  }
  parts.push(t('adv-balance-how'));
  const keyboard = new InlineKeyboard()
    .text(t('catalog-button-orders'), 'ord:list')
    .row()
    .text(t('start-back'), startMenuData);
  return { text: parts.join('\n\n'), keyboard };
}

/** «💰 My balance» on the advertiser screen (`adv:balance`), and /balance without a workspace. */
export async function showAdvertiserBalance(
  ctx: BotContext,
  deps: BotDeps,
  view?: AdvertiserBalance,
): Promise<void> {
  const accountId = ctx.account?.id;
  if (!accountId) return;
  const balance = view ?? (await readAdvertiserBalance(deps.database, accountId));
  const locale = await ctx.i18n.getLocale();
  const screen = renderAdvertiserBalance(ctx.t, balance, locale);
  await showScreen(ctx, screen.text, screen.keyboard);
}
