import { InlineKeyboard } from 'grammy';
import {
  formatDayButton,
  formatDayLong,
  formatDayMonth,
  formatDayShort,
  formatTime,
} from '../../../format/dates.js';
import { formatMoney } from '../../../format/money.js';
import type { CalendarDay, CalendarSlot, CalendarView } from '../../../models/slots/calendar.js';
import type { SlotStatus } from '../../../models/slots/table.js';
import type { BotContext } from '../../context.js';
import { accountLocale } from '../../i18n.js';
import { dayData, openData, slotData } from '../../../messages/callback-data/calendar.js';
import { channelCardData } from '../../../messages/callback-data/channels.js';

/** A day with more slots than this shows counts instead of every time (keeps the text short). */
const listLimit = 12;

const unavailableMark = '⚪';

export const statusMark: Record<SlotStatus, string> = {
  free: '🟢',
  held: '⏳',
  booked: '📌',
  published: '📣',
  done: '✔️',
  cancelled: '✖️',
  blocked: '🚫',
};

/** The mark shown for a slot: a free one that cannot be sold now (top window, daily limit) is ⚪. */
export function markOf(slot: CalendarSlot): string {
  return slot.status === 'free' && !slot.available && !slot.past
    ? unavailableMark
    : statusMark[slot.status];
}

/** A slot's time of day in the channel's timezone: «14:00». */
export function slotTime(
  ctx: BotContext,
  view: Pick<CalendarView, 'timezone'>,
  slot: CalendarSlot,
) {
  return formatTime(slot.startsAt, view.timezone, accountLocale(ctx));
}

function slotsLine(ctx: BotContext, view: CalendarView, day: CalendarDay): string {
  const time = (slot: CalendarSlot | undefined) => (slot ? slotTime(ctx, view, slot) : '');
  if (day.slots.length <= listLimit)
    return day.slots.map((s) => `${time(s)}${markOf(s)}`).join('  ');
  const counts = new Map<string, number>();
  for (const s of day.slots) counts.set(markOf(s), (counts.get(markOf(s)) ?? 0) + 1);
  const first = time(day.slots[0]);
  const last = time(day.slots[day.slots.length - 1]);
  const summary = [...counts].map(([mark, n]) => `${mark}${n}`).join(' ');
  return `${first}–${last}: ${summary}`;
}

/** The week view: one line per day (times with status marks, cheapest price), day buttons, paging. */
export function renderWeek(ctx: BotContext, view: CalendarView) {
  const locale = accountLocale(ctx);
  const first = view.days[0]?.date ?? '';
  const last = view.days[view.days.length - 1]?.date ?? '';
  const price =
    view.cheapestPrice === null ? '' : formatMoney(view.cheapestPrice, view.currency, locale);
  const lines = view.days.map((day) => {
    const head = `<b>${formatDayShort(day.date, locale)}</b>`;
    if (day.slots.length === 0) return `${head} — ${ctx.t('calendar-day-empty')}`;
    const free = day.slots.some((s) => s.available);
    const from = free && price ? ` · ${ctx.t('calendar-price-from', { price })}` : '';
    return `${head}${from}\n${slotsLine(ctx, view, day)}`;
  });
  const notes = [
    !view.hasSchedule ? ctx.t('calendar-no-schedule') : '',
    view.cheapestPrice === null ? ctx.t('calendar-no-prices') : '',
  ].filter(Boolean);
  const text = [
    ctx.t('calendar-week-title', {
      title: view.title,
      from: formatDayMonth(first, locale),
      to: formatDayMonth(last, locale),
    }),
    ctx.t('calendar-timezone', { timezone: view.timezone }),
    '',
    ...lines,
    '',
    ...notes,
    ctx.t('calendar-legend'),
  ].join('\n');
  const keyboard = new InlineKeyboard();
  view.days.forEach((day, i) => {
    keyboard.text(
      formatDayButton(day.date, locale),
      dayData.pack({ channelId: view.channelId, date: day.date }),
    );
    if (i === 3) keyboard.row();
  });
  keyboard.row();
  if (view.weekOffset > -8)
    keyboard.text(
      ctx.t('calendar-prev'),
      openData.pack({ channelId: view.channelId, week: view.weekOffset - 1 }),
    );
  if (view.weekOffset < 14)
    keyboard.text(
      ctx.t('calendar-next'),
      openData.pack({ channelId: view.channelId, week: view.weekOffset + 1 }),
    );
  keyboard
    .row()
    .text(ctx.t('calendar-back-card'), channelCardData.pack({ channelId: view.channelId }));
  return { text, keyboard };
}

function slotButton(ctx: BotContext, view: CalendarView, slot: CalendarSlot): [string, string] {
  const channelId = view.channelId;
  const label = `${slotTime(ctx, view, slot)} ${markOf(slot)}`;
  if (!slot.past && slot.status === 'free')
    return [label, slotData.pack({ action: 'b', channelId, minute: slot.minute })];
  if (!slot.past && slot.status === 'blocked')
    return [label, slotData.pack({ action: 'u', channelId, minute: slot.minute })];
  return [label, slotData.pack({ action: 'i', channelId, minute: slot.minute })];
}

/** One day: a button per slot (tap free ⇒ block, blocked ⇒ unblock), back to its week. */
export function renderDay(ctx: BotContext, view: CalendarView) {
  const day = view.days[0] ?? { date: '', slots: [] };
  const text = [
    ctx.t('calendar-day-title', {
      title: view.title,
      date: formatDayLong(day.date, accountLocale(ctx)),
    }),
    ctx.t('calendar-timezone', { timezone: view.timezone }),
    '',
    day.slots.length === 0
      ? ctx.t('calendar-day-none')
      : view.canEdit
        ? ctx.t('calendar-day-hint')
        : ctx.t('calendar-day-readonly'),
    ctx.t('calendar-legend'),
  ].join('\n');
  const keyboard = new InlineKeyboard();
  day.slots.forEach((slot, i) => {
    const [label, data] = slotButton(ctx, view, slot);
    keyboard.text(label, data);
    if (i % 4 === 3) keyboard.row();
  });
  keyboard
    .row()
    .text(
      ctx.t('calendar-back-week'),
      openData.pack({ channelId: view.channelId, week: view.weekOffset }),
    );
  return { text, keyboard };
}
