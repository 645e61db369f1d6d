import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import { balanceOverview } from '../../../models/payouts/overview.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { showAdvertiserBalance } from './advertiser.js';
import {
  advertiserBalanceData,
  requestPayoutData,
  showBalanceData,
} from '../../../messages/callback-data/balance.js';
import { createPayoutConversation, payoutConversationId } from './conversation.js';
import { renderBalance } from './present.js';
import { privateChats } from '../../kit/account.js';

/**
 * «Balance & payouts» (owner menu row, /balance, `bal:show`): the owner's own workspace, with a
 * button to their advertiser credit when they have some. Without a workspace of their own, /balance
 * shows the advertiser credit screen (when there is any history) instead of refusing.
 */
export async function showBalance(ctx: BotContext, deps: BotDeps): Promise<void> {
  const accountId = ctx.account?.id;
  if (!accountId) return;
  const view = await balanceOverview(deps.database, accountId);
  const advertiser = await readAdvertiserBalance(deps.database, accountId, 1);
  if (!view.ok) {
    // No workspace of their own: an advertiser with credit history sees their credit instead.
    if (advertiser.credits.length > 0 || advertiser.movements.length > 0)
      return showAdvertiserBalance(ctx, deps);
    await ctx.reply(ctx.t('balance-forbidden'));
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const screen = renderBalance(ctx.t, view.value, locale);
  if (advertiser.credits.length > 0)
    screen.keyboard.row().text(ctx.t('adv-balance-button'), advertiserBalanceData);
  await showScreen(ctx, screen.text, screen.keyboard);
}

/**
 * The owner's money: balances per currency (available, pending escrow, payouts in flight,
 * receivable, earnings by month), the latest payouts, and the «Request payout» conversation
 * (`bal:req:<currency>`); the advertiser's credit screen (`adv:balance`). Private chats only.
 */
export function createBalanceFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createPayoutConversation(deps), {
      id: payoutConversationId,
    }),
  );
  const chats = privateChats(feature);
  chats.command('balance', (ctx) => showBalance(ctx, deps));
  chats.callbackQuery(showBalanceData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showBalance(ctx, deps);
  });
  chats.callbackQuery(advertiserBalanceData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAdvertiserBalance(ctx, deps);
  });
  chats.callbackQuery(requestPayoutData.filter, async (ctx) => {
    const { currency } = requestPayoutData.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(payoutConversationId, currency);
  });
  return feature;
}
