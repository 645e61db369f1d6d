import type { BotI18n } from '../../i18n.js';
import { Composer, InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import { readBookableSlots, readBookingChannel } from '../../../models/orders/bookable-slots.js';
import { cancelHeldBundle } from '../../../models/orders/cancel-held-bundle.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { readBundle } from '../../../models/orders/read-bundle.js';
import { removeHeldItem } from '../../../models/orders/remove-held-item.js';
import type { BotContext, BotDeps } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { showScreen, type Screen } from '../../kit/show-screen.js';
import { installAccessHandlers } from './access.js';
import { viewFailure } from './failures.js';
import {
  accessData,
  cancelData,
  cancelYesData,
  cartData,
  dayData,
  formatData,
  removeData,
  startData,
  timeData,
} from '../../../messages/callback-data/booking.js';
import {
  formatLabel,
  renderCart,
  renderDays,
  renderFormats,
  renderTimes,
  timeButtons,
  whenLabel,
  type SlotsView,
} from './render.js';
import { privateChats, type WithAccount } from '../../kit/account.js';

const alert = (ctx: BotContext, text: string) =>
  ctx.answerCallbackQuery({ text, show_alert: true });

/**
 * Booking (issue 4): `book:start:<channel>` → format → day → time (held at once for 15 minutes) →
 * the cart `book:cart` (remove, another slot, other channels, cancel, continue to the creative).
 * Channel ids in callback data are untrusted: every press re-checks through the use-cases.
 */
export function createBookingFeature(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = privateChats(feature);

  const openBooking = async (ctx: WithAccount, channelId: string) => {
    const accountId = ctx.account.id;
    const view = await readBookingChannel(deps.database, { accountId, channelId });
    if (view.ok) return showScreen(ctx, renderFormats(ctx, view.value));
    if (view.code === 'whitelist_required') {
      const title = String(view.detail?.title ?? '');
      const keyboard = new InlineKeyboard().text(
        ctx.t('booking-request-access'),
        accessData.pack({ channelId }),
      );
      return showScreen(ctx, { text: ctx.t('booking-whitelist', { title }), keyboard });
    }
    return ctx.reply(viewFailure(ctx, view.code));
  };

  const openCart = async (ctx: WithAccount, lead?: string) => {
    const accountId = ctx.account.id;
    const bundleId = ctx.session.bundleId;
    const orders = bundleId ? await readBundle(deps.database, accountId, bundleId) : [];
    const expired = bundleId !== undefined && orders.length === 0;
    if (expired) ctx.session.bundleId = undefined;
    const text = lead ?? (expired ? ctx.t('booking-cart-expired') : undefined);
    return showScreen(
      ctx,
      renderCart(ctx, {
        bundleId: ctx.session.bundleId,
        orders,
        now: deps.clock.now(),
        ...(text ? { lead: text } : {}),
      }),
    );
  };

  chats.callbackQuery(startData.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openBooking(ctx, startData.parse(ctx.callbackQuery.data).channelId);
  });

  /** The channel's free slots in `format` shown by `render`, or the reason they cannot be. */
  const showSlots = async (
    ctx: WithAccount,
    input: { channelId: string; format: string },
    render: (view: SlotsView) => Screen,
  ) => {
    const view = await readBookableSlots(
      deps.database,
      { accountId: ctx.account.id, ...input },
      deps.clock,
    );
    if (!view.ok) return alert(ctx, viewFailure(ctx, view.code));
    await ctx.answerCallbackQuery();
    await showScreen(ctx, render(view.value));
  };

  chats.callbackQuery(formatData.filter, async (ctx) => {
    const { channelId, format } = formatData.parse(ctx.callbackQuery.data);
    await showSlots(ctx, { channelId, format }, (view) => renderDays(ctx, view, format));
  });

  chats.callbackQuery(dayData.filter, async (ctx) => {
    const { channelId, format, date: day } = dayData.parse(ctx.callbackQuery.data);
    if (!DateTime.fromISO(day).isValid) return alert(ctx, ctx.t('booking-error-unavailable'));
    await showSlots(ctx, { channelId, format }, (view) => renderTimes(ctx, view, format, day));
  });

  chats.callbackQuery(timeData.filter, async (ctx) => {
    const { channelId, format, at: startsAt } = timeData.parse(ctx.callbackQuery.data);
    const accountId = ctx.account.id;
    let bundleId = ctx.session.bundleId;
    if (bundleId && (await readBundle(deps.database, accountId, bundleId)).length === 0) {
      bundleId = undefined;
    }
    const input = { accountId, channelId, startsAt, format, ...(bundleId ? { bundleId } : {}) };
    const held = await holdSlot(deps.database, input, deps.clock);
    if (held.ok) {
      ctx.session.bundleId = held.value.bundleId;
      await ctx.answerCallbackQuery();
      const view = await readBookingChannel(deps.database, { accountId, channelId });
      const title = view.ok ? view.value.title : '';
      const when = whenLabel(ctx, startsAt, view.ok ? view.value.timezone : 'UTC');
      const lead = ctx.t('booking-held', {
        title: title,
        when,
        format: trustedHtml(formatLabel(ctx, format)),
      });
      return openCart(ctx, lead);
    }
    if (held.code !== 'slot_taken') return alert(ctx, viewFailure(ctx, held.code, held.detail));
    await ctx.answerCallbackQuery();
    const nearest = ((held.detail?.nearest as string[] | undefined) ?? []).map(
      (iso) => new Date(iso),
    );
    const view = await readBookingChannel(deps.database, { accountId, channelId });
    const keyboard = new InlineKeyboard();
    if (view.ok) timeButtons(ctx, keyboard, view.value, format, nearest);
    keyboard.row().text(ctx.t('booking-back-dates'), formatData.pack({ channelId, format }));
    const lines = [
      ctx.t('booking-taken'),
      ctx.t(nearest.length ? 'booking-taken-nearest' : 'booking-taken-none'),
    ];
    await showScreen(ctx, { text: lines.join('\n'), keyboard });
  });

  chats.callbackQuery(cartData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openCart(ctx);
  });

  chats.callbackQuery(removeData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const removed = await removeHeldItem(
      deps.database,
      { accountId, itemId: removeData.parse(ctx.callbackQuery.data).itemId },
      deps.clock,
    );
    await ctx.answerCallbackQuery({
      text: ctx.t(removed.ok ? 'booking-removed' : 'booking-remove-failed'),
    });
    await openCart(ctx);
  });

  chats.callbackQuery(cancelData, async (ctx) => {
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard()
      .text(ctx.t('booking-cancel-yes'), cancelYesData)
      .text(ctx.t('booking-cancel-no'), cartData);
    await showScreen(ctx, { text: ctx.t('booking-cancel-confirm'), keyboard });
  });

  chats.callbackQuery(cancelYesData, async (ctx) => {
    const accountId = ctx.account.id;
    const bundleId = ctx.session.bundleId;
    if (bundleId) await cancelHeldBundle(deps.database, { accountId, bundleId }, deps.clock);
    ctx.session.bundleId = undefined;
    await ctx.answerCallbackQuery();
    await showScreen(
      ctx,
      renderCart(ctx, {
        bundleId: undefined,
        orders: [],
        now: deps.clock.now(),
        lead: ctx.t('booking-cancelled'),
      }),
    );
  });

  installAccessHandlers(feature, deps, i18n, openBooking);
  return feature;
}
