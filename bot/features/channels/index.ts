import type { BotI18n } from '../../i18n.js';
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext, BotDeps } from '../../context.js';
import { handleChannelAction } from './actions.js';
import { parseChannelText, parseForward, type ChannelInput } from './channel-ref.js';
import { showScreen } from '../../kit/show-screen.js';
import { handleBotMembership } from './rights-updates.js';
import { showAddChannel, showChannelCard, showChannelList } from './screens.js';
import { verifyChannel } from './verify.js';
import {
  addChannelData,
  channelActionData,
  channelCardData,
  channelListData,
  verifyChannelData,
} from '../../../messages/callback-data/channels.js';
import { privateChats } from '../../kit/account.js';

/**
 * Channels (issue 3, owners): my channels, add and verify a channel (deep link, forwarded post,
 * @username or t.me link), the channel card with pause/resume/remove, and the bot's rights
 * changes (my_chat_member). Channel ids in callback data are untrusted: every action re-checks
 * access through the person's memberships.
 */
export function createChannelsFeature(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on('my_chat_member', async (ctx, next) => {
    if (ctx.myChatMember.chat.type !== 'channel') return next();
    await handleBotMembership(ctx, deps, i18n, ctx.myChatMember);
  });

  const chats = privateChats(feature);
  chats.callbackQuery(channelListData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showChannelList(ctx, deps);
  });
  chats.callbackQuery(addChannelData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAddChannel(ctx);
  });
  chats.callbackQuery(verifyChannelData.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await verifyChannel(ctx, deps, verifyChannelData.parse(ctx.callbackQuery.data).chatId);
  });
  chats.callbackQuery(channelCardData.filter, async (ctx) => {
    const { channelId } = channelCardData.parse(ctx.callbackQuery.data);
    const shown = await showChannelCard(ctx, deps, channelId);
    await ctx.answerCallbackQuery(
      shown ? {} : { text: ctx.t('channels-not-found'), show_alert: true },
    );
  });
  chats.callbackQuery(channelActionData.filter, async (ctx) => {
    const { action, channelId } = channelActionData.parse(ctx.callbackQuery.data);
    await handleChannelAction(ctx, deps, action, channelId);
  });

  const intake = async (ctx: BotContext, input: ChannelInput, next: () => Promise<void>) => {
    switch (input.kind) {
      case 'none':
        return next();
      case 'ref':
        return verifyChannel(ctx, deps, input.ref);
      case 'private_link':
        return showScreen(ctx, ctx.t('channels-error-private-link'), addMoreKeyboard(ctx));
      case 'forward_not_channel':
        return showScreen(ctx, ctx.t('channels-error-forward-not-channel'), addMoreKeyboard(ctx));
    }
  };
  chats.on('message:forward_origin', (ctx, next) => intake(ctx, parseForward(ctx.message), next));
  chats.on('message:text', (ctx, next) => intake(ctx, parseChannelText(ctx.message.text), next));
  return feature;
}

function addMoreKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t('channels-button-how-to-add'), addChannelData);
}
