import type { I18n } from '@grammyjs/i18n';
import { Composer, InlineKeyboard } from 'grammy';
import { isChannelId } from '../../../models/channels/channel-card.js';
import type { BotContext, BotDeps } from '../../context.js';
import { handleChannelAction } from './actions.js';
import { parseChannelText, parseForward, type ChannelInput } from './channel-ref.js';
import { showScreen } from '../../kit/show-screen.js';
import { handleBotMembership } from './rights-updates.js';
import { showAddChannel, showChannelCard, showChannelList } from './screens.js';
import { verifyChannel } from './verify.js';

/**
 * Channels (issue 3, owners): my channels, add and verify a channel (deep link, forwarded post,
 * @username or t.me link), the channel card with pause/resume/remove, and the bot's rights
 * changes (my_chat_member). Channel ids in callback data are untrusted: every action re-checks
 * access through the person's memberships.
 */
export function createChannelsFeature(deps: BotDeps, i18n: I18n<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on('my_chat_member', async (ctx, next) => {
    if (ctx.myChatMember.chat.type !== 'channel') return next();
    await handleBotMembership(ctx, deps, i18n, ctx.myChatMember);
  });

  const chats = feature.chatType('private');
  chats.callbackQuery('ch:list', async (ctx) => {
    await ctx.answerCallbackQuery();
    await showChannelList(ctx, deps);
  });
  chats.callbackQuery('ch:add', async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAddChannel(ctx);
  });
  chats.callbackQuery(/^ch:verify:(-\d{1,20})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await verifyChannel(ctx, deps, Number(ctx.match[1]));
  });
  chats.callbackQuery(/^ch:card:(.{1,60})$/, async (ctx) => {
    const id = ctx.match[1] ?? '';
    const shown = isChannelId(id) && (await showChannelCard(ctx, deps, id));
    await ctx.answerCallbackQuery(
      shown ? {} : { text: ctx.t('channels-not-found'), show_alert: true },
    );
  });
  chats.callbackQuery(/^ch:(recheck|pause|resume|remove|remove-yes):(.{1,60})$/, async (ctx) =>
    handleChannelAction(ctx, deps, ctx.match[1] ?? '', ctx.match[2] ?? ''),
  );

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
  return new InlineKeyboard().text(ctx.t('channels-button-how-to-add'), 'ch:add');
}
