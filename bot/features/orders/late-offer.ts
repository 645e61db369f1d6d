import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { lateMoveData, lateOfferData } from '../../../messages/callback-data/orders.js';
import {
  decideLateOffer,
  lateOfferTimes,
  moveLatePlacement,
} from '../../../models/placements/late-offer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { whenLabel } from '../booking/render.js';
import { refundOrder } from '../../../telegram/refund-order.js';
import { privateChats, type WithAccount } from '../../kit/account.js';

/** The three answers of a late offer, as the notification shows them (publish-late-ask). */
function choiceKeyboard(ctx: BotContext, placementId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('publish-late-button-now'), lateOfferData.pack({ choice: 'now', placementId }))
    .row()
    .text(ctx.t('publish-late-button-times'), lateOfferData.pack({ choice: 'times', placementId }))
    .row()
    .text(
      ctx.t('publish-late-button-refund'),
      lateOfferData.pack({ choice: 'refund', placementId }),
    );
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
export function createLateOfferFeature(deps: BotDeps) {
  const feature = new Composer<BotContext>();
  const chats = privateChats(feature);

  /** Free times of the channel as buttons under the offer (with Back), the hint in a toast. */
  const showTimes = async (ctx: WithAccount, placementId: string, hint: string) => {
    const accountId = ctx.account.id;
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
      keyboard.text(whenLabel(ctx, at, timezone), lateMoveData.pack({ placementId, at })).row();
    keyboard.text(
      ctx.t('publish-late-button-back'),
      lateOfferData.pack({ choice: 'back', placementId }),
    );
    return setButtons(ctx, keyboard);
  };

  chats.callbackQuery(lateOfferData.filter, async (ctx) => {
    const { choice: action, placementId } = lateOfferData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
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
    await ctx.reply(ctx.t(done));
    if (result.value.orderFailed)
      await refundOrder({ ...deps, api: deps.outbound.api }, result.value, `account:${accountId}`);
  });

  chats.callbackQuery(lateMoveData.filter, async (ctx) => {
    const { placementId, at: startsAt } = lateMoveData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
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
    await ctx.reply(ctx.t('publish-late-moved', { when }));
  });
  return feature;
}
