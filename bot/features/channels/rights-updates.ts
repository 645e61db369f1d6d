import type { BotI18n } from '../../i18n.js';
import { InlineKeyboard } from 'grammy';
import type { ChatMemberUpdated } from 'grammy/types';
import { formatMoment } from '../../../format/dates.js';
import { localeOf } from '../../../format/locale.js';
import {
  recordRightsChange,
  type RightsChangeResult,
} from '../../../models/channels/record-rights-change.js';
import type { BotRightName } from '../../../models/channels/rights.js';
import type { BotContext, BotDeps } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { asLocale, localeFromLanguageCode } from '../../i18n.js';
import { memberFacts } from './telegram-facts.js';
import { channelCardData, verifyChannelData } from '../../../messages/callback-data/channels.js';

function rightName(i18n: BotI18n, locale: string, right: BotRightName): string {
  switch (right) {
    case 'can_post_messages':
      return i18n.t(locale, 'channels-right-post');
    case 'can_edit_messages':
      return i18n.t(locale, 'channels-right-edit');
    case 'can_delete_messages':
      return i18n.t(locale, 'channels-right-delete');
  }
}

type Registered = Extract<RightsChangeResult, { registered: true }>;

/** The paid ads a pause puts at risk, with the deadline to restore the bot (empty if none). */
function paidAheadText(i18n: BotI18n, locale: string, result: Registered): string {
  if (result.paidAhead.length === 0) return '';
  const ads = result.paidAhead
    .map((slot) =>
      i18n.t(locale, 'channels-notice-paid-ad', {
        when: formatMoment(slot.startsAt, result.timezone, locale),
        order: slot.orderId?.slice(0, 8) ?? '—',
      }),
    )
    .join('\n');
  const count = result.paidAhead.length;
  const minutes = result.graceMinutes;
  return `\n\n${i18n.t(locale, 'channels-notice-paid-ahead', { count, ads, minutes })}`;
}

function noticeText(
  i18n: BotI18n,
  locale: string,
  result: Registered,
  title: string,
  removed: boolean,
): string {
  const rights = trustedHtml(
    result.missing.map((r) => `«${rightName(i18n, locale, r)}»`).join(', '),
  );
  if (result.transition === 'resumed') return i18n.t(locale, 'channels-notice-resumed', { title });
  if (result.transition === 'degraded')
    return i18n.t(locale, 'channels-notice-degraded', { title, rights });
  const paused = removed
    ? i18n.t(locale, 'channels-notice-removed', { title })
    : i18n.t(locale, 'channels-notice-paused', { title, rights });
  return paused + paidAheadText(i18n, locale, result);
}

/** A message to a member's private chat (not the channel the update came from): the gateway. */
async function tell(deps: BotDeps, chatId: number, text: string, keyboard: InlineKeyboard) {
  try {
    await deps.outbound.api.sendMessage(chatId, text, { reply_markup: keyboard });
  } catch (error) {
    // A member who blocked the bot or never started it cannot be told; the card shows it anyway.
    deps.logger.info({ err: error, chatId }, 'channel rights notice not delivered');
  }
}

/**
 * my_chat_member in a channel. A registered channel: store the rights, pause/resume and tell
 * every member of its workspace what changed and what to fix. An unregistered channel the bot was
 * just made admin of: ask the person who did it to finish setup.
 */
export async function handleBotMembership(
  ctx: BotContext,
  deps: BotDeps,
  i18n: BotI18n,
  update: ChatMemberUpdated,
): Promise<void> {
  const member = update.new_chat_member;
  const result = await recordRightsChange(deps.database, {
    telegramChatId: update.chat.id,
    bot: memberFacts(member),
    byTelegramId: update.from.is_bot ? null : update.from.id,
    now: deps.clock.now(),
  });
  if (result.registered) {
    if (result.transition === 'none') return;
    const removed = member.status === 'left' || member.status === 'kicked';
    const title = result.title;
    for (const recipient of result.recipients) {
      const locale = localeOf(recipient.language);
      const text = noticeText(i18n, locale, result, title, removed);
      const keyboard = new InlineKeyboard().text(
        i18n.t(locale, 'channels-button-open-card'),
        channelCardData.pack({ channelId: result.channelId }),
      );
      await tell(deps, recipient.telegramId, text, keyboard);
    }
    return;
  }
  if (member.status !== 'administrator' || update.from.is_bot) return;
  const title = 'title' in update.chat && update.chat.title ? update.chat.title : '';
  const locale =
    asLocale(ctx.account?.language) ?? localeFromLanguageCode(update.from.language_code);
  const keyboard = new InlineKeyboard().text(
    i18n.t(locale, 'channels-button-finish-setup'),
    verifyChannelData.pack({ chatId: update.chat.id }),
  );
  const text = i18n.t(locale, 'channels-finish-setup', { title: title });
  await tell(deps, update.from.id, text, keyboard);
}
