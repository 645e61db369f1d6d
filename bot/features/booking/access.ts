import type { BotI18n } from '../../i18n.js';
import { type Composer, GrammyError, InlineKeyboard } from 'grammy';
import { localeOf } from '../../../format/locale.js';
import { assertNever } from '../../../models/errors.js';
import {
  decideChannelAccess,
  requestChannelAccess,
} from '../../../models/orders/channel-access.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { accessData, decideData, startData } from '../../../messages/callback-data/booking.js';
import { privateChats, type WithAccount } from '../../kit/account.js';
import type { PlainTranslate, Translate } from '../../../messages/i18n.js';

const alert = (ctx: BotContext, key: string) =>
  ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });

/** Sends a message to someone in their language; a blocked bot or gone chat is only logged. */
async function tell(
  deps: BotDeps,
  i18n: BotI18n,
  to: { telegramId: number; language: string },
  render: (t: Translate, tPlain: PlainTranslate) => { text: string; keyboard?: InlineKeyboard },
): Promise<void> {
  const locale = localeOf(to.language);
  const { text, keyboard } = render(
    (key, variables) => i18n.t(locale, key, variables),
    (key, variables) => i18n.tPlain(locale, key, variables),
  );
  try {
    await deps.outbound.api.sendMessage(to.telegramId, text, { reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    deps.logger.warn({ err: error, telegram_id: to.telegramId }, 'booking notice not delivered');
  }
}

/** Whitelist access: the advertiser's «Request access», the owner's one-tap «Allow» / «Decline». */
export function installAccessHandlers(
  feature: Composer<BotContext>,
  deps: BotDeps,
  i18n: BotI18n,
  openBooking: (ctx: WithAccount, channelId: string) => Promise<unknown>,
): void {
  const chats = privateChats(feature);
  chats.callbackQuery(accessData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { channelId } = accessData.parse(ctx.callbackQuery.data);
    const result = await requestChannelAccess(deps.database, { accountId, channelId }, deps.clock);
    if (!result.ok) {
      switch (result.code) {
        case 'not_needed':
          await ctx.answerCallbackQuery();
          return openBooking(ctx, channelId);
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
    const vars = { title: channelTitle, advertiser: advertiserName };
    for (const to of recipients) {
      await tell(deps, i18n, to, (t) => ({
        text: t('booking-access-request', vars),
        keyboard: new InlineKeyboard()
          .text(t('booking-access-allow'), decideData.pack({ answer: 'allow', requestId }))
          .text(t('booking-access-decline'), decideData.pack({ answer: 'deny', requestId })),
      }));
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('booking-access-sent'));
  });

  chats.callbackQuery(decideData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { answer, requestId } = decideData.parse(ctx.callbackQuery.data);
    const allow = answer === 'allow';
    const result = await decideChannelAccess(
      deps.database,
      { accountId, requestId, allow },
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
    const title = channelTitle;
    await ctx.answerCallbackQuery();
    const ownerText = allow
      ? ctx.t('booking-access-allowed-owner', { title, advertiser: advertiserName })
      : ctx.t('booking-access-declined-owner');
    await showScreen(ctx, ownerText);
    await tell(deps, i18n, advertiser, (t, tPlain) =>
      allow
        ? {
            text: t('booking-access-allowed', { title }),
            keyboard: new InlineKeyboard().text(
              tPlain('booking-book-now', { title: channelTitle }),
              startData.pack({ channelId }),
            ),
          }
        : { text: t('booking-access-declined', { title }) },
    );
  });
}
