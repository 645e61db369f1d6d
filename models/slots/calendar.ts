import { DateTime, IANAZone } from 'luxon';
import { fixedFormats } from '../channels/formats.js';
import type { ChannelSettings, PriceCurrency } from '../channels/settings.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { channelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { slotChannelOf, slotsBetween } from './queries.js';
import type { SlotStatus } from './table.js';
import { conflictsWithTopWindow, maxTopHours, takenStatuses } from './top-window.js';

/** How far the week view may page: back a couple of months, forward past the longest horizon. */
export const calendarWeeks = { min: -8, max: 14 } as const;

export interface CalendarSlot {
  /** Minutes since the epoch: the short slot reference used in callback data. */
  minute: number;
  startsAt: Date;
  status: SlotStatus;
  past: boolean;
  /** Free, future and sellable now: outside every top window and under max per day. */
  available: boolean;
}

export interface CalendarDay {
  /** Local date YYYY-MM-DD. */
  date: string;
  slots: CalendarSlot[];
}

export interface CalendarView {
  channelId: string;
  title: string;
  timezone: string;
  currency: PriceCurrency;
  /** Cheapest enabled format's price (minor units); null when no prices are set. */
  cheapestPrice: number | null;
  hasSchedule: boolean;
  canEdit: boolean;
  /** The week shown (0 = this week, Monday first, in the channel's timezone). */
  weekOffset: number;
  days: CalendarDay[];
}

type ViewCode = 'not_found';

/** The lowest price among the enabled formats (pinned included), or null. */
export function cheapestPrice(settings: ChannelSettings): number | null {
  const prices = fixedFormats.flatMap((f) => {
    const price = settings.prices[f];
    return price === undefined ? [] : [price];
  });
  if (settings.pinned) prices.push(settings.pinned.price);
  return prices.length === 0 ? null : Math.min(...prices);
}

/** One week (Monday to Sunday, local) of a channel's slots, for a member who may view it. */
export async function readCalendarWeek(
  database: Database,
  input: { accountId: string; channelId: string; weekOffset: number; now: Date },
): Promise<Result<CalendarView, ViewCode>> {
  const offset = Math.min(calendarWeeks.max, Math.max(calendarWeeks.min, input.weekOffset));
  return readCalendar(database, input, (zone) => {
    const start = DateTime.fromJSDate(input.now, { zone }).startOf('week').plus({ weeks: offset });
    return { start, days: 7, weekOffset: offset };
  });
}

/** One local day of a channel's slots (a YYYY-MM-DD date, or the day of an instant), for a member who may view it. */
export async function readCalendarDay(
  database: Database,
  input: { accountId: string; channelId: string; day: string | Date; now: Date },
): Promise<Result<CalendarView, ViewCode>> {
  return readCalendar(database, input, (zone) => {
    const local =
      typeof input.day === 'string'
        ? DateTime.fromISO(input.day, { zone })
        : DateTime.fromJSDate(input.day, { zone });
    if (!local.isValid) return undefined;
    const start = local.startOf('day');
    const thisWeek = DateTime.fromJSDate(input.now, { zone }).startOf('week');
    const weekOffset = Math.round(start.startOf('week').diff(thisWeek, 'weeks').weeks);
    if (weekOffset < calendarWeeks.min || weekOffset > calendarWeeks.max) return undefined;
    return { start, days: 1, weekOffset };
  });
}

async function readCalendar(
  database: Database,
  input: { accountId: string; channelId: string; now: Date },
  range: (zone: string) => { start: DateTime; days: number; weekOffset: number } | undefined,
): Promise<Result<CalendarView, ViewCode>> {
  const access = await channelAccess(database, input.accountId, input.channelId);
  if (!access || !canPerform(access.role, 'channels.view')) return fail('not_found');
  const scope = { workspaceId: access.workspaceId, accountId: input.accountId };
  return database.withScope(scope, async (tx) => {
    const channel = await slotChannelOf(tx, input.channelId);
    if (!channel) return fail('not_found');
    const zone = IANAZone.isValidZone(channel.settings.timezone)
      ? channel.settings.timezone
      : 'UTC';
    const window = range(zone);
    if (!window) return fail('not_found');
    const end = window.start.plus({ days: window.days });
    // From the longest top window earlier, so a booking just before the range still counts.
    const lookBack = window.start.minus({ hours: maxTopHours }).toJSDate();
    const rows = await slotsBetween(tx, channel.id, lookBack, end.toJSDate());
    const taken = rows.filter((r) => isTaken(r.status));
    const days: CalendarDay[] = [];
    for (let i = 0; i < window.days; i++) {
      days.push({ date: window.start.plus({ days: i }).toISODate() ?? '', slots: [] });
    }
    for (const row of rows) {
      const local = DateTime.fromJSDate(row.startsAt, { zone });
      const day = days.find((d) => d.date === local.toISODate());
      day?.slots.push({
        minute: Math.floor(row.startsAt.getTime() / 60_000),
        startsAt: row.startsAt,
        status: row.status,
        past: row.startsAt.getTime() <= input.now.getTime(),
        available: row.status === 'free' && !conflictsWithTopWindow(row, taken),
      });
    }
    const cap = channel.settings.maxPerDay;
    for (const day of days) {
      const full = cap !== null && day.slots.filter((s) => isTaken(s.status)).length >= cap;
      for (const slot of day.slots) slot.available = slot.available && !slot.past && !full;
    }
    return ok({
      channelId: channel.id,
      title: channel.title,
      timezone: zone,
      currency: channel.settings.currency,
      cheapestPrice: cheapestPrice(channel.settings),
      hasSchedule: channel.settings.schedule !== null,
      canEdit: canPerform(access.role, 'slots.edit'),
      weekOffset: window.weekOffset,
      days,
    });
  });
}

function isTaken(status: SlotStatus): boolean {
  return (takenStatuses as readonly string[]).includes(status);
}
