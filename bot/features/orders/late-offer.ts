import type { I18n } from '@grammyjs/i18n';
import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { lateOfferData } from '../../../messages/callback-data/orders.js';
import {
  decideLateOffer,
  lateOfferTimes,
  moveLatePlacement,
} from '../../../models/placements/late-offer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { html } from '../../../format/html.js';
import { noticeDeps } from '../../outbound.js';
import { whenLabel } from '../booking/render.js';
import { refundAndTell } from '../../../messages/refund-and-tell.js';
import { lateMoveData, lateMovePattern, lateOfferPattern } from '../../../messages/callback-data/orders.js';

/** The three answers of a late offer, as the notification shows them (publish-late-ask). */
function choiceKeyboard(ctx: BotContext, placementId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('publish-late-button-now'), lateOfferData('now', placementId))
    .row()
    .text(ctx.t('publish-late-button-times'), lateOfferData('times', placementId))
    .row()
    .text(ctx.t('publish-late-button-refund'), lateOfferData('refund', placementId));
}

/** Swaps the buttons under the offer; a message too old to edit keeps its own. */
async function setButtons(ctx: BotContext, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup(keyboard ? { reply_markup: keyboard } : {});
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
  }
}

const decided = (ctx: BotContext, code: 'not_found' | 'already_decided') =>
  ctx.answerCallbackQuery({
    text: ctx.t(code === 'already_decided' ? 'publish-late-decided' : 'orders-not-found'),
    show_alert: true,
  });

/**
 * The advertiser's answer to a post that would go out late (`ord:late-…`): publish now (queued at
 * once), another time (`late-times` lists free times of the channel, `late-at` moves the post there,
 * `late-back` returns to the choice) or refund (in full when nothing of the order went out). The
 * buttons go once decided; a second press or one after the default finds the offer decided.
 */
export function createLateOfferFeature(deps: BotDeps, i18n: I18n<BotContext>) {
  const feature = new Composer<BotContext>();
  const chats = feature.chatType('private');

  /** Free times of the channel as buttons under the offer (with Back), the hint in a toast. */
  const showTimes = async (ctx: BotContext, placementId: string, hint: string) => {
    const accountId = ctx.account?.id ?? '';
    const found = await lateOfferTimes(deps.database, { accountId, placementId }, deps.clock);
    if (!found.ok) return decided(ctx, found.code);
    const { times, timezone } = found.value;
    if (times.length === 0) {
      return ctx.answerCallbackQuery({ text: ctx.t('publish-late-no-times'), show_alert: true });
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(hint),
      show_alert: hint !== 'publish-late-pick-time',
    });
    const keyboard = new InlineKeyboard();
    for (const at of times)
      keyboard.text(whenLabel(ctx, at, timezone), lateMoveData(placementId, at)).row();
    keyboard.text(ctx.t('publish-late-button-back'), lateOfferData('back', placementId));
    return setButtons(ctx, keyboard);
  };

  chats.callbackQuery(lateOfferPattern, async (ctx) => {
    const [, action, placementId = ''] = ctx.match;
    const accountId = ctx.account?.id ?? '';
    if (action === 'back') {
      await ctx.answerCallbackQuery();
      return setButtons(ctx, choiceKeyboard(ctx, placementId));
    }
    if (action === 'times') return showTimes(ctx, placementId, 'publish-late-pick-time');
    const choice = action === 'now' ? 'publish_now' : 'refund';
    const result = await decideLateOffer(
      deps.database,
      { accountId, placementId, choice },
      deps.clock,
    );
    if (!result.ok) return decided(ctx, result.code);
    await ctx.answerCallbackQuery();
    await setButtons(ctx);
    const done = choice === 'publish_now' ? 'publish-late-now-done' : 'publish-late-refund-done';
    await ctx.reply(ctx.t(done), html);
    if (result.value.orderFailed)
      await refundAndTell(noticeDeps(deps, i18n), result.value, `account:${accountId}`);
  });

  chats.callbackQuery(lateMovePattern, async (ctx) => {
    const [, placementId = '', minute = ''] = ctx.match;
    const accountId = ctx.account?.id ?? '';
    const startsAt = new Date(Number(minute) * 60_000);
    const moved = await moveLatePlacement(
      deps.database,
      { accountId, placementId, startsAt },
      deps.clock,
    );
    if (!moved.ok) {
      const code = moved.code;
      return code === 'not_available'
        ? showTimes(ctx, placementId, 'publish-late-time-taken')
        : decided(ctx, code);
    }
    await ctx.answerCallbackQuery();
    await setButtons(ctx);
    const when = whenLabel(ctx, startsAt, moved.value.timezone);
    await ctx.reply(ctx.t('publish-late-moved', { when }), html);
  });
  return feature;
}
