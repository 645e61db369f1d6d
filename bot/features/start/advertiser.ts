import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { startMenuData } from '../../../messages/callback-data/start.js';
import { advertiserBalanceData } from '../../../messages/callback-data/balance.js';
import { apiKeysCallback } from '../../../messages/callback-data/api-keys.js';

/**
 * «🎯 I advertise»: what advertisers do here, «🔎 Find channels» (`cat:home`), «🧾 My orders»
 * (`ord:list`), «💰 My balance» (`adv:balance`, the balance feature), «🔑 API keys» (`apk:show:a`).
 */
export async function showAdvertiserScreen(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t('catalog-button-find'), 'cat:home')
    .row()
    .text(ctx.t('catalog-button-orders'), 'ord:list')
    .row()
    .text(ctx.t('adv-balance-button'), advertiserBalanceData)
    .row()
    .text(ctx.t('apikeys-button'), apiKeysCallback.show.pack({ owner: 'account' }))
    .row()
    .text(ctx.t('start-back'), startMenuData);
  await showScreen(ctx, ctx.t('catalog-advertiser-text', { bot: ctx.me.username }), keyboard);
}
