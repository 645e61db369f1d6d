import { InlineKeyboard } from 'grammy';
import { formatMoment } from '../../../format/dates.js';
import type { ChannelCard } from '../../../models/channels/channel-card.js';
import type { ChannelRow } from '../../../models/channels/queries.js';
import { botRightNames, type BotRightName } from '../../../models/channels/rights.js';
import { canPerform } from '../../../models/workspaces/permissions.js';
import type { MemberRole } from '../../../models/workspaces/table.js';
import type { BotContext } from '../../context.js';
import { openData } from '../../../messages/callback-data/calendar.js';
import { sellingData } from '../../../messages/callback-data/selling.js';
import { trustedHtml } from '../../../format/html.js';
import { channelActionData, channelListData } from '../../../messages/callback-data/channels.js';

/** The add-to-channel deep link: Telegram lets the person pick a channel and grant these rights. */
export function addToChannelUrl(botUsername: string): string {
  return `https://t.me/${botUsername}?startchannel&admin=post_messages+edit_messages+delete_messages`;
}

/** The channel's share link (opens booking of this channel; docs/catalog.md). */
export function shareLink(botUsername: string, shareCode: string): string {
  return `https://t.me/${botUsername}?start=ch_${shareCode}`;
}

/** @username or "private channel", for a line of text. */
export function channelHandle(ctx: BotContext, channel: Pick<ChannelRow, 'username'>): string {
  return channel.username ? `@${channel.username}` : ctx.t('channels-private');
}

/** The localized name of a bot right. */
export function rightLabel(ctx: BotContext, right: BotRightName): string {
  switch (right) {
    case 'can_post_messages':
      return ctx.t('channels-right-post');
    case 'can_edit_messages':
      return ctx.t('channels-right-edit');
    case 'can_delete_messages':
      return ctx.t('channels-right-delete');
  }
}

/** One status line: active, paused (by whom and why), blocked (with the admin's reason). */
export function statusLine(
  ctx: Pick<BotContext, 't'>,
  channel: Pick<ChannelRow, 'status' | 'statusReason'>,
): string {
  switch (channel.status) {
    case 'active':
      return ctx.t('channels-status-active');
    case 'pending_review':
      return ctx.t('channels-status-pending');
    case 'blocked':
      return ctx.t('channels-status-blocked', { reason: channel.statusReason ?? '—' });
    case 'paused':
      if (channel.statusReason === 'bot_rights') return ctx.t('channels-status-paused-rights');
      if (channel.statusReason === 'plan') return ctx.t('channels-status-paused-plan');
      return ctx.t('channels-status-paused-owner');
  }
}

function rightsLines(ctx: BotContext, card: ChannelCard): string {
  return botRightNames
    .map((right) => {
      const label = rightLabel(ctx, right);
      if (card.rights[right]) return ctx.t('channels-right-ok', { right: label });
      if (card.missing.includes(right)) return ctx.t('channels-right-missing', { right: label });
      return ctx.t('channels-right-unused', { right: label });
    })
    .join('\n');
}

function bookingsLines(ctx: BotContext, card: ChannelCard): string {
  if (card.nextBookings.length === 0) return ctx.t('channels-card-no-bookings');
  const zone = card.settings.timezone;
  return card.nextBookings
    .map((b) => formatMoment(b.startsAt, zone, ctx.account?.language ?? 'en'))
    .map((when) => `• ${when}`)
    .join('\n');
}

/** The channel card: text and buttons (Remove only for roles that may remove). */
export function channelCardView(
  ctx: BotContext,
  card: ChannelCard,
  role: MemberRole,
  botUsername: string,
): { text: string; keyboard: InlineKeyboard } {
  const { channel } = card;
  const mark = (ok: boolean) => (ok ? '✅' : '⚠️');
  const text = ctx.t('channels-card', {
    title: channel.title,
    handle: channelHandle(ctx, channel),
    status: trustedHtml(statusLine(ctx, channel)),
    subscribers: channel.subscribers,
    rights: trustedHtml(rightsLines(ctx, card)),
    schedule: mark(card.ready.schedule),
    prices: mark(card.ready.prices),
    bookings: trustedHtml(bookingsLines(ctx, card)),
    link: shareLink(botUsername, channel.shareCode),
  });
  const id = channel.id;
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t('channels-button-selling'),
      sellingData.pack({ action: 'open', channelId: id, args: [] }),
    )
    .text(ctx.t('channels-button-calendar'), openData.pack({ channelId: id, week: 0 }))
    .row()
    .text(
      ctx.t('channels-button-recheck'),
      channelActionData.pack({ action: 'recheck', channelId: id }),
    );
  if (channel.status === 'paused')
    keyboard.text(
      ctx.t('channels-button-resume'),
      channelActionData.pack({ action: 'resume', channelId: id }),
    );
  else if (channel.status !== 'blocked')
    keyboard.text(
      ctx.t('channels-button-pause'),
      channelActionData.pack({ action: 'pause', channelId: id }),
    );
  keyboard.row();
  if (canPerform(role, 'channels.remove'))
    keyboard
      .text(
        ctx.t('channels-button-remove'),
        channelActionData.pack({ action: 'remove', channelId: id }),
      )
      .row();
  keyboard.text(ctx.t('channels-button-list'), channelListData);
  return { text, keyboard };
}
