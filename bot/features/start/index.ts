import type { Menu } from '@grammyjs/menu';
import { Composer } from 'grammy';
import type { BotContext } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { openChannelFromStart } from '../catalog/start-payload.js';
import type { MembersDeps } from '../members/deps.js';
import { acceptInviteFromStart } from '../members/start-payload.js';
import { advertiserScreenData, startMenuData } from '../../../messages/callback-data/start.js';
import { showAdvertiserScreen } from './advertiser.js';
import { parseStartPayload, welcomeText } from './welcome.js';

/**
 * /start (with or without a deep-link payload) shows the role menu in private chats; a manager
 * invite (`inv_<code>`) is redeemed by the members feature, a channel link (`ch_<code>`) opens
 * the channel's catalog card. `start:menu` brings the role menu back (from the advertiser screen).
 */
export function createStartFeature(
  startMenu: Menu<BotContext>,
  members: MembersDeps,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = feature.chatType('private');
  chats.command('start', async (ctx) => {
    const payload = parseStartPayload(ctx.match);
    if (payload.kind === 'invite') {
      await acceptInviteFromStart(ctx, payload.code, members);
      return;
    }
    if (payload.kind === 'channel') {
      await openChannelFromStart(ctx, payload.code, members.deps);
      return;
    }
    await ctx.reply(welcomeText(ctx, ctx.from), { reply_markup: startMenu });
  });
  chats.callbackQuery(startMenuData, async (ctx) => {
    await showScreen(ctx, welcomeText(ctx, ctx.from), startMenu);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(advertiserScreenData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAdvertiserScreen(ctx);
  });
  return feature;
}
