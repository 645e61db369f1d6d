import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import {
  readSellingSettings,
  updateChannelSettings,
  type SellingView,
} from '../../../models/selling/update-settings.js';
import type { BotContext, BotDeps, ConversationContext } from '../../context.js';
import { sellingData } from '../../../messages/callback-data/selling.js';
import { createSellingConversation, sellingConversationId } from './conversation.js';
import { showScreen } from '../../kit/show-screen.js';
import { inputRequest, tapChange } from './actions.js';
import { catalogScreen, formatsScreen, reviewScreen } from './screens-offer.js';
import {
  daysScreen,
  mainScreen,
  scheduleScreen,
  stepScreen,
  timezoneScreen,
  type Screen,
} from './screens.js';
import { privateChats } from '../../kit/account.js';

type Args = string[];

/** The screen an action shows without changing anything; undefined for unknown actions. */
function navigate(
  ctx: BotContext,
  locale: string,
  view: SellingView,
  action: string,
  args: Args,
): Screen | undefined {
  const t = ctx.t.bind(ctx);
  const mask = Number(args[1] ?? args[0]);
  switch (action) {
    case 'open':
      return mainScreen(t, view, locale);
    case 'tz':
      return timezoneScreen(t, view);
    case 'sch':
      return scheduleScreen(t, view);
    case 'days':
      return args[0] === 't' || args[0] === 'w'
        ? daysScreen(t, view, args[0], mask & 127)
        : undefined;
    case 'step':
      return stepScreen(t, view, mask & 127);
    case 'fmt':
      return formatsScreen(t, view, locale);
    case 'cat':
      return catalogScreen(t, view);
    case 'rev':
      return reviewScreen(t, view);
    default:
      return undefined;
  }
}

/**
 * Selling settings of a channel (`sell:open:<channelId>` and its screens). Every press re-checks
 * access with channelAccess (the id in callback data is untrusted); edits go through
 * updateChannelSettings; typed values through the selling conversation.
 */
export function createSellingFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(
    createConversation<BotContext, ConversationContext>(createSellingConversation(deps), {
      id: sellingConversationId,
    }),
  );
  privateChats(feature).callbackQuery(/^sell:/, async (ctx) => {
    const data = sellingData.unpack(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('selling-not-found') });
    const { action, channelId, args } = data;
    const view = await readSellingSettings(deps.database, { accountId, channelId });
    if (!view.ok) {
      return ctx.answerCallbackQuery({ text: ctx.t('selling-not-found'), show_alert: true });
    }
    if (action === 'in') {
      const request = inputRequest(channelId, args);
      if (!request) return ctx.answerCallbackQuery({ text: ctx.t('selling-choose-day') });
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(sellingConversationId, request);
      return;
    }
    const locale = await ctx.i18n.getLocale();
    let screen: Screen | undefined = navigate(ctx, locale, view.value, action, args);
    if (!screen) {
      const tap = tapChange(view.value, action, args);
      if (!tap) return ctx.answerCallbackQuery();
      const saved = await updateChannelSettings(
        deps.database,
        { accountId, channelId, change: tap.change },
        deps.clock,
      );
      if (!saved.ok) {
        const text =
          saved.code === 'invalid' ? ctx.t('selling-error-invalid') : ctx.t('selling-not-found');
        return ctx.answerCallbackQuery({ text, show_alert: true });
      }
      screen = navigate(ctx, locale, { ...view.value, settings: saved.value }, tap.then, []);
      if (screen) await showScreen(ctx, screen);
      await ctx.answerCallbackQuery({ text: ctx.t('selling-saved-short') });
      return;
    }
    await showScreen(ctx, screen);
    await ctx.answerCallbackQuery();
  });
  return feature;
}
