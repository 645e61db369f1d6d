import type { I18n } from '@grammyjs/i18n';
import { type Composer, GrammyError, InlineKeyboard } from 'grammy';
import { localeOf } from '../../../format/locale.js';
import { assertNever } from '../../../models/errors.js';
import {
  decideChannelAccess,
  requestChannelAccess,
} from '../../../models/orders/channel-access.js';
import type { BotContext, BotDeps } from '../../context.js';
import { escapeHtml, html } from '../../../format/html.js';
import { showScreen } from '../../kit/show-screen.js';
import {
  accessPattern,
  decideData,
  decidePattern,
  startData,
} from '../../../messages/callback-data/booking.js';

const alert = (ctx: BotContext, key: string) =>
  ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** Sends a message to someone in their language; a blocked bot or gone chat is only logged. */
async function tell(
  deps: BotDeps,
  i18n: I18n<BotContext>,
  to: { telegramId: number; language: string },
  render: (t: Translate) => { text: string; keyboard?: InlineKeyboard },
): Promise<void> {
  const locale = localeOf(to.language);
  const { text, keyboard } = render((key, variables) => i18n.t(locale, key, variables));
  try {
    await deps.outbound.api.sendMessage(to.telegramId, text, { ...html, reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.warn({ err: error, telegram_id: to.telegramId }, 'booking notice not delivered');
  }
}

/** Whitelist access: the advertiser's «Request access», the owner's one-tap «Allow» / «Decline». */
export function installAccessHandlers(
  feature: Composer<BotContext>,
  deps: BotDeps,
  i18n: I18n<BotContext>,
  openBooking: (ctx: BotContext, channelId: string) => Promise<unknown>,
): void {
  const chats = feature.chatType('private');
  chats.callbackQuery(accessPattern, async (ctx) => {
    const accountId = ctx.account?.id;
    if (!accountId) return ctx.answerCallbackQuery();
    const result = await requestChannelAccess(
      deps.database,
      { accountId, channelId: ctx.match[1] ?? '' },
      deps.clock,
    );
    if (!result.ok) {
      switch (result.code) {
        case 'not_needed':
          await ctx.answerCallbackQuery();
          return openBooking(ctx, ctx.match[1] ?? '');
        case 'channel_not_found':
          return alert(ctx, 'booking-error-channel');
        case 'already_requested':
          return alert(ctx, 'booking-access-pending');
        case 'declined':
          return alert(ctx, 'booking-access-declined-before');
        default:
          return assertNever(result.code);
      }
    }
    const { requestId, channelTitle, advertiserName, recipients } = result.value;
    const vars = { title: escapeHtml(channelTitle), advertiser: escapeHtml(advertiserName) };
    for (const to of recipients) {
      await tell(deps, i18n, to, (t) => ({
        text: t('booking-access-request', vars),
        keyboard: new InlineKeyboard()
          .text(t('booking-access-allow'), decideData(true, requestId))
          .text(t('booking-access-decline'), decideData(false, requestId)),
      }));
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('booking-access-sent'), html);
  });

  chats.callbackQuery(decidePattern, async (ctx) => {
    const accountId = ctx.account?.id;
    if (!accountId) return ctx.answerCallbackQuery();
    const allow = ctx.match[1] === 'allow';
    const result = await decideChannelAccess(
      deps.database,
      { accountId, requestId: ctx.match[2] ?? '', allow },
      deps.clock,
    );
    if (!result.ok) {
      switch (result.code) {
        case 'not_found':
        case 'already_decided':
          return alert(ctx, 'booking-access-done');
        case 'forbidden':
          return alert(ctx, 'booking-access-forbidden');
        default:
          return assertNever(result.code);
      }
    }
    const { channelId, channelTitle, advertiser, advertiserName } = result.value;
    const title = escapeHtml(channelTitle);
    await ctx.answerCallbackQuery();
    const ownerText = allow
      ? ctx.t('booking-access-allowed-owner', { title, advertiser: escapeHtml(advertiserName) })
      : ctx.t('booking-access-declined-owner');
    await showScreen(ctx, ownerText);
    await tell(deps, i18n, advertiser, (t) =>
      allow
        ? {
            text: t('booking-access-allowed', { title }),
            keyboard: new InlineKeyboard().text(
              t('booking-book-now', { title: channelTitle }),
              startData(channelId),
            ),
          }
        : { text: t('booking-access-declined', { title }) },
    );
  });
}
