import { InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import { formatDayLong, formatDayShort, formatMoment, formatTime } from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import type { BookingChannelView } from '../../../models/orders/bookable-slots.js';
import type { CartOrder } from '../../../models/orders/read-bundle.js';
import type { Currency } from '../../../models/orders/table.js';
import type { BotContext } from '../../context.js';
import { trustedHtml } from '../../../format/html.js';
import { accountLocale } from '../../i18n.js';
import {
  cancelData,
  cartData,
  catalogHomeData,
  dayData,
  formatData,
  removeData,
  startData,
  timeData,
} from '../../../messages/callback-data/booking.js';
import { creativeStartData } from '../../../messages/callback-data/creative.js';
import type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

export type { KeyboardScreen as Screen } from '../../kit/show-screen.js';

/** Days offered at most on the date screen; times at most on a day screen. */
const dayLimit = 14;
const timeLimit = 48;

const money = (ctx: BotContext, minor: number, currency: Currency) =>
  formatMoney(minor, currency, accountLocale(ctx));

/** A format as people read it: '1/24', or '📌 pinned 24 h'. */
export function formatLabel(ctx: BotContext, format: string): string {
  return format.startsWith('pin:')
    ? ctx.t('booking-format-pinned', { hours: format.slice(4) })
    : format;
}

/** A moment in a zone, e.g. 'Thu, Nov 27, 14:00'. */
export function whenLabel(ctx: BotContext, at: Date, zone: string): string {
  return formatMoment(at, zone, accountLocale(ctx));
}

export function renderFormats(ctx: BotContext, view: BookingChannelView): Screen {
  const keyboard = new InlineKeyboard();
  for (const { format, price } of view.formats) {
    const label = ctx.tPlain('booking-format-button', {
      format: formatLabel(ctx, format),
      price: money(ctx, price, view.currency),
    });
    keyboard.text(label, formatData.pack({ channelId: view.channelId, format })).row();
  }
  keyboard.text(ctx.t('booking-button-cart'), cartData);
  const lines = [ctx.t('booking-choose-format', { title: view.title })];
  if (view.formats.length === 0) lines.push(ctx.t('booking-no-formats'));
  if (view.bundleDiscount) lines.push(ctx.t('booking-discount-note', view.bundleDiscount));
  return { text: lines.join('\n\n'), keyboard };
}

export type SlotsView = BookingChannelView & { price: number; slots: Date[] };

function header(ctx: BotContext, view: SlotsView, format: string) {
  return {
    title: view.title,
    format: trustedHtml(formatLabel(ctx, format)),
    price: money(ctx, view.price, view.currency),
    timezone: view.timezone,
  };
}

export function renderDays(ctx: BotContext, view: SlotsView, format: string): Screen {
  const days = [
    ...new Set(view.slots.map((s) => DateTime.fromJSDate(s, { zone: view.timezone }).toISODate())),
  ].slice(0, dayLimit);
  const keyboard = new InlineKeyboard();
  days.forEach((day, i) => {
    if (!day) return;
    const label = formatDayShort(day, accountLocale(ctx));
    keyboard.text(label, dayData.pack({ channelId: view.channelId, format, date: day }));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row().text(ctx.t('booking-back-formats'), startData.pack({ channelId: view.channelId }));
  const text = [ctx.t('booking-choose-date', header(ctx, view, format))];
  if (days.length === 0) text.push(ctx.t('booking-no-dates'));
  return { text: text.join('\n\n'), keyboard };
}

/** '14:00 (16:00)': channel time, then the advertiser's when it differs. */
function timeLabel(at: Date, channelZone: string, ownZone: string, locale: string): string {
  const channel = formatTime(at, channelZone, locale);
  const own = formatTime(at, ownZone, locale);
  return own === channel ? channel : `${channel} (${own})`;
}

export function timeButtons(
  ctx: BotContext,
  keyboard: InlineKeyboard,
  view: Pick<SlotsView, 'channelId' | 'timezone' | 'advertiserTimezone'>,
  format: string,
  times: Date[],
): void {
  const locale = accountLocale(ctx);
  times.forEach((at, i) => {
    const label = timeLabel(at, view.timezone, view.advertiserTimezone, locale);
    keyboard.text(label, timeData.pack({ channelId: view.channelId, format, at }));
    if (i % 3 === 2) keyboard.row();
  });
}

export function renderTimes(ctx: BotContext, view: SlotsView, format: string, day: string): Screen {
  const times = view.slots
    .filter((s) => DateTime.fromJSDate(s, { zone: view.timezone }).toISODate() === day)
    .slice(0, timeLimit);
  const keyboard = new InlineKeyboard();
  timeButtons(ctx, keyboard, view, format, times);
  keyboard
    .row()
    .text(ctx.t('booking-back-dates'), formatData.pack({ channelId: view.channelId, format }));
  const date = formatDayLong(day, accountLocale(ctx));
  const text = [
    ctx.t('booking-choose-time', {
      ...header(ctx, view, format),
      date,
      yours: view.advertiserTimezone,
    }),
  ];
  if (times.length === 0) text.push(ctx.t('booking-no-times'));
  return { text: text.join('\n\n'), keyboard };
}

function orderLines(ctx: BotContext, order: CartOrder, now: Date): string[] {
  const lines: string[] = [];
  let channel = '';
  for (const item of order.items) {
    if (item.channelTitle !== channel) {
      channel = item.channelTitle;
      lines.push(ctx.t('booking-cart-channel', { title: channel }));
    }
    const args = {
      when: whenLabel(ctx, item.startsAt, item.timezone),
      format: trustedHtml(formatLabel(ctx, item.format)),
      price: money(ctx, item.price, order.currency),
      final: money(ctx, item.price - item.discount, order.currency),
    };
    lines.push(ctx.t(item.discount > 0 ? 'booking-cart-item-discount' : 'booking-cart-item', args));
  }
  lines.push(
    order.discount > 0
      ? ctx.t('booking-cart-order-total', {
          subtotal: money(ctx, order.subtotal, order.currency),
          discount: money(ctx, order.discount, order.currency),
          total: money(ctx, order.total, order.currency),
        })
      : ctx.t('booking-cart-order-plain', { total: money(ctx, order.total, order.currency) }),
  );
  if (order.status === 'awaiting_payment') lines.push(ctx.t('booking-cart-paying'));
  else if (order.holdExpiresAt) {
    const minutes = Math.max(
      0,
      Math.ceil((order.holdExpiresAt.getTime() - now.getTime()) / 60_000),
    );
    lines.push(ctx.t('booking-cart-hold', { minutes }));
  }
  return lines;
}

/** The cart: held items per channel with prices, discounts, totals and time left; actions below. */
export function renderCart(
  ctx: BotContext,
  cart: { bundleId: string | undefined; orders: CartOrder[]; now: Date; lead?: string },
): Screen {
  const keyboard = new InlineKeyboard();
  const items = cart.orders.flatMap((o) => o.items.map((i) => ({ ...i, status: o.status })));
  if (!cart.bundleId || items.length === 0) {
    const text = [cart.lead, ctx.t('booking-cart-empty')].filter(Boolean).join('\n\n');
    return {
      text,
      keyboard: keyboard.text(ctx.t('booking-button-other-channels'), catalogHomeData),
    };
  }
  const blocks = cart.orders.map((o) => orderLines(ctx, o, cart.now).join('\n'));
  const note = cart.orders.length > 1 ? [ctx.t('booking-cart-note')] : [];
  const text = [cart.lead, ctx.t('booking-cart-title'), ...blocks, ...note].filter(Boolean);
  for (const item of items) {
    if (item.status !== 'held') continue;
    const when = whenLabel(ctx, item.startsAt, item.timezone);
    keyboard
      .text(ctx.t('booking-button-remove', { when }), removeData.pack({ itemId: item.itemId }))
      .row();
  }
  const last = items[items.length - 1];
  if (last)
    keyboard.text(ctx.t('booking-button-another'), startData.pack({ channelId: last.channelId }));
  keyboard.text(ctx.t('booking-button-other-channels'), catalogHomeData).row();
  keyboard.text(ctx.t('booking-button-cancel'), cancelData);
  keyboard.text(
    ctx.t('booking-button-continue'),
    creativeStartData.pack({ bundleId: cart.bundleId }),
  );
  return { text: text.join('\n\n'), keyboard };
}
