import type { I18n } from '@grammyjs/i18n';
import { Composer, GrammyError } from 'grammy';
import { decideLateOffer } from '../../../models/placements/late-offer.js';
import type { BotContext, BotDeps } from '../../context.js';
import { html } from '../../html.js';
import { refundAndTell } from '../review/refund.js';
import { lateOfferPattern } from './callback-data.js';

/**
 * The advertiser's answer to a post that would go out late (`ord:late-now|late-refund:`): publish
 * now (queued at once) or refund (in full when nothing of the order went out). The buttons go;
 * a second press or one after the default finds the offer decided and is told so.
 */
export function createLateOfferFeature(deps: BotDeps, i18n: I18n<BotContext>) {
  const feature = new Composer<BotContext>();
  feature.chatType('private').callbackQuery(lateOfferPattern, async (ctx) => {
    const [, action, placementId = ''] = ctx.match;
    const accountId = ctx.account?.id;
    const choice = action === 'now' ? 'publish_now' : 'refund';
    const result = accountId
      ? await decideLateOffer(deps.database, { accountId, placementId, choice }, deps.clock)
      : ({ ok: false, code: 'not_found' } as const);
    if (!result.ok) {
      const key = result.code === 'already_decided' ? 'publish-late-decided' : 'orders-not-found';
      return ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    try {
      await ctx.editMessageReplyMarkup();
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
    }
    const done = choice === 'publish_now' ? 'publish-late-now-done' : 'publish-late-refund-done';
    await ctx.reply(ctx.t(done), html);
    if (result.value.orderFailed)
      await refundAndTell({ ...deps, i18n, api: ctx.api }, result.value, `account:${accountId}`);
  });
  return feature;
}
