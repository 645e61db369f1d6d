import type { I18n } from '@grammyjs/i18n';
import { Composer, InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import { readBookableSlots, readBookingChannel } from '../../../models/orders/bookable-slots.js';
import { cancelHeldBundle } from '../../../models/orders/cancel-held-bundle.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { readBundle } from '../../../models/orders/read-bundle.js';
import { removeHeldItem } from '../../../models/orders/remove-held-item.js';
import type { BotContext, BotDeps } from '../../context.js';
import { escapeHtml } from '../../../format/html.js';
import { showScreen } from '../../kit/show-screen.js';
import { installAccessHandlers } from './access.js';
import { viewFailure } from './failures.js';
import {
  accessData,
  cancelData,
  cancelYesData,
  cartData,
  dayPattern,
  decodeFormat,
  formatData,
  formatPattern,
  removePattern,
  startPattern,
  timePattern,
} from '../../../messages/callback-data/booking.js';
import {
  formatLabel,
  renderCart,
  renderDays,
  renderFormats,
  renderTimes,
  timeButtons,
  whenLabel,
} from './render.js';

const alert = (ctx: BotContext, text: string) =>
  ctx.answerCallbackQuery({ text, show_alert: true });

/**
 * Booking (issue 4): `book:start:<channel>` → format → day → time (held at once for 15 minutes) →
 * the cart `book:cart` (remove, another slot, other channels, cancel, continue to the creative).
 * Channel ids in callback data are untrusted: every press re-checks through the use-cases.
 */
export function createBookingFeature(deps: BotDeps, i18n: I18n<BotContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = feature.chatType('private');

  const openBooking = async (ctx: BotContext, channelId: string) => {
    const accountId = ctx.account?.id ?? '';
    const view = await readBookingChannel(deps.database, { accountId, channelId });
    if (view.ok) return showScreen(ctx, renderFormats(ctx, view.value));
    if (view.code === 'whitelist_required') {
      const title = escapeHtml(String(view.detail?.title ?? ''));
      const keyboard = new InlineKeyboard().text(
        ctx.t('booking-request-access'),
        accessData(channelId),
      );
      return showScreen(ctx, { text: ctx.t('booking-whitelist', { title }), keyboard });
    }
    return ctx.reply(viewFailure(ctx, view.code));
  };

  const openCart = async (ctx: BotContext, lead?: string) => {
    const accountId = ctx.account?.id ?? '';
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

  chats.callbackQuery(startPattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openBooking(ctx, ctx.match[1] ?? '');
  });

  chats.callbackQuery(formatPattern, async (ctx) => {
    const [, channelId = '', code = ''] = ctx.match;
    const format = decodeFormat(code);
    const accountId = ctx.account?.id ?? '';
    const view = await readBookableSlots(
      deps.database,
      { accountId, channelId, format },
      deps.clock,
    );
    if (!view.ok) return alert(ctx, viewFailure(ctx, view.code));
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderDays(ctx, view.value, format));
  });

  chats.callbackQuery(dayPattern, async (ctx) => {
    const [, channelId = '', code = '', compact = ''] = ctx.match;
    const format = decodeFormat(code);
    const day = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
    if (!DateTime.fromISO(day).isValid) return alert(ctx, ctx.t('booking-error-unavailable'));
    const accountId = ctx.account?.id ?? '';
    const view = await readBookableSlots(
      deps.database,
      { accountId, channelId, format },
      deps.clock,
    );
    if (!view.ok) return alert(ctx, viewFailure(ctx, view.code));
    await ctx.answerCallbackQuery();
    await showScreen(ctx, renderTimes(ctx, view.value, format, day));
  });

  chats.callbackQuery(timePattern, async (ctx) => {
    const [, channelId = '', code = '', minute = ''] = ctx.match;
    const format = decodeFormat(code);
    const accountId = ctx.account?.id ?? '';
    const startsAt = new Date(Number(minute) * 60_000);
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
        title: escapeHtml(title),
        when,
        format: formatLabel(ctx, format),
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
    keyboard.row().text(ctx.t('booking-back-dates'), formatData(channelId, format));
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

  chats.callbackQuery(removePattern, async (ctx) => {
    const accountId = ctx.account?.id ?? '';
    const removed = await removeHeldItem(
      deps.database,
      { accountId, itemId: ctx.match[1] ?? '' },
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
    const accountId = ctx.account?.id ?? '';
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
