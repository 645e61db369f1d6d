/** Owner input for numbers, durations, dates and texts of the selling settings (pure). */
import { DateTime } from 'luxon';
import { fail, ok } from '../errors.js';
import { maxPinHours } from './formats.js';
import { tokens, type Parsed } from './settings-input.js';

function integerIn(text: string, min: number, max: number): Parsed<number> {
  const value = text.trim();
  if (value === '') return fail('empty');
  if (!/^-?\d+$/.test(value)) return fail('bad_number', { token: value });
  const n = Number(value);
  return n < min || n > max ? fail('out_of_range', { min, max }) : ok(n);
}

/** Longest lead time: 14 days. */
export const maxLeadMinutes = 14 * 24 * 60;

/** Minimum lead time: "2h", "90m", "1h30m", "1d", or bare minutes ("30"). */
export function parseLeadTime(text: string): Parsed<number> {
  const value = text.trim().toLowerCase().replace(/\s+/g, '');
  if (value === '') return fail('empty');
  if (/^\d+$/.test(value)) return integerIn(value, 0, maxLeadMinutes);
  const match = /^(?:(\d+)(?:d|д))?(?:(\d+)(?:h|ч))?(?:(\d+)(?:m|min|м|мин))?$/.exec(value);
  if (!match || (!match[1] && !match[2] && !match[3])) return fail('bad_number', { token: text });
  const minutes = Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return minutes > maxLeadMinutes
    ? fail('out_of_range', { min: 0, max: maxLeadMinutes })
    : ok(minutes);
}

/** Booking horizon in days: 1–90. */
export function parseHorizonDays(text: string): Parsed<number> {
  return integerIn(text, 1, 90);
}

/** Max ads per day: 1–96, or 0 for no limit (null). */
export function parseMaxPerDay(text: string): Parsed<number | null> {
  const n = integerIn(text, 0, 96);
  return n.ok && n.value === 0 ? ok(null) : n;
}

/** Pinned hours: 1–168. */
export function parsePinHours(text: string): Parsed<number> {
  return integerIn(text.replace(/\s*(h|ч)$/i, ''), 1, maxPinHours);
}

/** Review deadline in hours: 1–72. */
export function parseReviewDeadline(text: string): Parsed<number> {
  return integerIn(text.replace(/\s*(h|ч)$/i, ''), 1, 72);
}

/** Longest catalog description. */
export const descriptionLimit = 500;

/** Catalog description: trimmed, at most 500 characters ("-" clears it). */
export function parseDescription(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return fail('empty');
  if (value === '-') return ok('');
  if (value.length > descriptionLimit)
    return fail('too_long', { length: value.length, max: descriptionLimit });
  return ok(value);
}

/** Bundle discount "3 10" (from 3 slots −10 %), or "0" to switch it off (null). */
export function parseBundleDiscount(
  text: string,
): Parsed<{ minSlots: number; percent: number } | null> {
  const parts = tokens(text.replace(/%/g, ' '));
  if (parts.length === 0) return fail('empty');
  if (parts.length === 1 && parts[0] === '0') return ok(null);
  if (parts.length !== 2) return fail('bad_number', { token: text.trim() });
  const minSlots = integerIn(parts[0] ?? '', 2, 100);
  if (!minSlots.ok) return minSlots;
  const percent = integerIn((parts[1] ?? '').replace(/^-/, ''), 1, 90);
  if (!percent.ok) return percent;
  return ok({ minSlots: minSlots.value, percent: percent.value });
}

/**
 * A blackout date "YYYY-MM-DD", "DD.MM.YYYY" or "DD.MM" (the next such day) as YYYY-MM-DD;
 * `today` is the channel's local date (YYYY-MM-DD); dates before it are refused.
 */
export function parseBlackoutDate(text: string, today: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return fail('empty');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dotted = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?$/.exec(value);
  const todayDate = DateTime.fromISO(today, { zone: 'UTC' });
  let date: DateTime | undefined;
  if (iso) date = DateTime.utc(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (dotted) {
    const day = Number(dotted[1]);
    const month = Number(dotted[2]);
    if (dotted[3]) date = DateTime.utc(Number(dotted[3]), month, day);
    else {
      date = DateTime.utc(todayDate.year, month, day);
      if (date.isValid && date < todayDate) date = DateTime.utc(todayDate.year + 1, month, day);
    }
  }
  if (!date || !date.isValid) return fail('bad_date', { token: value });
  const result = date.toISODate() ?? '';
  if (result < today) return fail('past_date', { token: value });
  return ok(result);
}

/** Blackout dates with one date switched on or off, sorted. */
export function toggleBlackoutDate(dates: readonly string[], date: string): string[] {
  const set = new Set(dates);
  if (set.has(date)) set.delete(date);
  else set.add(date);
  return [...set].sort();
}
