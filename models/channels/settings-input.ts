/** Owner input for schedules, prices and time zones (pure; a refusal names the bad token). */
import { IANAZone } from 'luxon';
import { fail, ok, type Result } from '../errors.js';
import { maxPriceMinor } from './settings.js';

/** Why an owner's typed value was refused; `detail.token` names the offending piece when useful. */
export type InputCode =
  | 'empty'
  | 'bad_time'
  | 'too_many'
  | 'bad_window'
  | 'bad_step'
  | 'bad_number'
  | 'out_of_range'
  | 'not_positive'
  | 'too_many_decimals'
  | 'too_large'
  | 'bad_timezone'
  | 'bad_date'
  | 'past_date'
  | 'too_long';

export type Parsed<T> = Result<T, InputCode>;

const separators = /[\s,;]+/;

/** The pieces of a list typed with commas, semicolons, spaces or new lines. */
export function tokens(text: string): string[] {
  return text.trim().split(separators).filter(Boolean);
}

/** "9:00", "09.30", "18" → "HH:MM"; undefined when it is not a real time of day. */
export function parseClock(token: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(token.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Posting times ("9:00, 13:30 18:00"): sorted, without duplicates, at most 48; a bad token is named. */
export function parseTimes(text: string): Parsed<string[]> {
  const parts = tokens(text);
  if (parts.length === 0) return fail('empty');
  const times = new Set<string>();
  for (const part of parts) {
    const time = parseClock(part);
    if (!time) return fail('bad_time', { token: part });
    times.add(time);
  }
  if (times.size > 48) return fail('too_many', { max: 48 });
  return ok([...times].sort());
}

export interface TimeWindow {
  from: string;
  to: string;
}

/** Windows "10:00-22:00, 23:00–23:30": start before end on the same day, at most 8, not overlapping. */
export function parseWindows(text: string): Parsed<TimeWindow[]> {
  const normalized = text.trim().replace(/\s*[-–—]\s*/g, '-');
  const parts = tokens(normalized);
  if (parts.length === 0) return fail('empty');
  const windows: TimeWindow[] = [];
  for (const part of parts) {
    const [a, b, extra] = part.split('-');
    const from = a === undefined ? undefined : parseClock(a);
    const to = b === undefined ? undefined : parseClock(b);
    if (!from || !to || extra !== undefined || from >= to)
      return fail('bad_window', { token: part });
    windows.push({ from, to });
  }
  if (windows.length > 8) return fail('too_many', { max: 8 });
  windows.sort((x, y) => x.from.localeCompare(y.from));
  for (let i = 1; i < windows.length; i++) {
    const previous = windows[i - 1];
    const current = windows[i];
    if (previous && current && current.from < previous.to)
      return fail('bad_window', { token: `${current.from}-${current.to}` });
  }
  return ok(windows);
}

export const windowSteps = [15, 30, 60] as const;
export type WindowStep = (typeof windowSteps)[number];

/** Step of a windows schedule: only 15, 30 or 60 minutes. */
export function parseStep(text: string): Parsed<WindowStep> {
  const step = windowSteps.find((s) => String(s) === text.trim());
  return step ? ok(step) : fail('bad_step', { token: text.trim() });
}

/** ISO weekdays (1 = Monday) with one day switched on or off, sorted. */
export function toggleWeekday(days: readonly number[], day: number): number[] {
  if (!Number.isInteger(day) || day < 1 || day > 7) return [...days].sort();
  const set = new Set(days);
  if (set.has(day)) set.delete(day);
  else set.add(day);
  return [...set].sort((a, b) => a - b);
}

/** Weekdays ↔ a 7-bit mask (bit 0 = Monday), compact enough for callback data. */
export function weekdaysToMask(days: readonly number[]): number {
  return days.reduce((mask, day) => mask | (1 << (day - 1)), 0);
}

export function maskToWeekdays(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => (mask & (1 << (day - 1))) !== 0);
}

/** A price typed by the owner ("1500", "1 500", "1500.50", "1500,50") in minor units. */
export function parsePrice(text: string): Parsed<number> {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return fail('empty');
  if (/^-/.test(compact)) return fail('not_positive');
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!match) return fail('bad_number', { token: text.trim() });
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return fail('too_many_decimals');
  const whole = match[1] ?? '0';
  if (whole.length > 12) return fail('too_large', { max: maxPriceMinor / 100 });
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (minor <= 0) return fail('not_positive');
  if (minor > maxPriceMinor) return fail('too_large', { max: maxPriceMinor / 100 });
  return ok(minor);
}

/** Time zones offered as buttons. */
export const commonTimezones = [
  'Europe/Moscow',
  'Europe/Kyiv',
  'Asia/Almaty',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'UTC',
] as const;

/** An IANA time zone name (case-insensitive), returned in its canonical spelling. */
export function parseTimezone(text: string): Parsed<string> {
  const name = text.trim();
  if (name === '') return fail('empty');
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !IANAZone.isValidZone(name))
    return fail('bad_timezone', { token: name });
  const lower = name.toLowerCase();
  const canonical =
    commonTimezones.find((zone) => zone.toLowerCase() === lower) ??
    Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === lower) ??
    new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  return canonical ? ok(canonical) : fail('bad_timezone', { token: name });
}
