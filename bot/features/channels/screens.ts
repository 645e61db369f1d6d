import { InlineKeyboard } from 'grammy';
import { listMyChannels, loadChannelCard } from '../../../models/channels/channel-card.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import type { BotContext, BotDeps } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { showScreen } from '../../kit/show-screen.js';
import { addToChannelUrl, channelCardView, statusLine } from './views.js';
import {
  addChannelData,
  channelCardData,
  channelListData,
} from '../../../messages/callback-data/channels.js';

/** `ch:list`: the channels of every workspace the person belongs to, with «Add a channel». */
export async function showChannelList(ctx: BotContext, deps: BotDeps): Promise<void> {
  const account = ctx.account;
  if (!account) return;
  const groups = await listMyChannels(deps.database, account.id);
  const keyboard = new InlineKeyboard();
  const lines: string[] = [];
  for (const { membership, channels } of groups) {
    for (const channel of channels) {
      const role =
        membership.role === 'owner' ? ctx.t('channels-role-owner') : ctx.t('channels-role-manager');
      lines.push(
        ctx.t('channels-list-item', {
          title: channel.title,
          status: trustedHtml(statusLine(ctx, channel)),
          role: trustedHtml(role),
        }),
      );
      keyboard
        .text(channel.title.slice(0, 60), channelCardData.pack({ channelId: channel.id }))
        .row();
    }
  }
  keyboard.text(ctx.t('channels-button-add'), addChannelData);
  // Owners manage their co-managers from here (the members feature checks the role again).
  if (groups.some(({ membership }) => membership.role === 'owner')) {
    keyboard.text(ctx.t('channels-button-managers'), 'mem:open');
  }
  const text =
    lines.length === 0
      ? ctx.t('channels-list-empty')
      : `${ctx.t('channels-list-title')}\n\n${lines.join('\n')}`;
  await showScreen(ctx, text, keyboard);
}

/** `ch:add`: the add-to-channel deep link and the other ways (forward a post, @username, link). */
export async function showAddChannel(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .url(ctx.t('channels-button-add-bot'), addToChannelUrl(ctx.me.username))
    .row()
    .text(ctx.t('channels-button-list'), channelListData);
  await showScreen(ctx, ctx.t('channels-add-text', { bot: `@${ctx.me.username}` }), keyboard);
}

/**
 * The channel card, after checking the person may see it (the id is untrusted). Returns false
 * when the channel is not theirs (or does not exist): the caller says "not found".
 */
export async function showChannelCard(
  ctx: BotContext,
  deps: BotDeps,
  channelId: string,
  header?: string,
): Promise<boolean> {
  const account = ctx.account;
  if (!account) return false;
  const access = await channelAccess(deps.database, account.id, channelId);
  if (!access) return false;
  const card = await loadChannelCard(
    deps.database,
    access,
    account.id,
    account.language,
    deps.clock.now(),
  );
  if (!card) return false;
  const view = channelCardView(ctx, card, access.role, ctx.me.username);
  await showScreen(ctx, header ? `${header}\n\n${view.text}` : view.text, view.keyboard);
  return true;
}
