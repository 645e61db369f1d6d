import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDayButton,
  formatDayLong,
  formatDayMonth,
  formatDayShort,
  formatMoment,
  formatMomentWithYear,
  formatMonthLong,
  formatMonthShort,
  formatTime,
  formatUtc,
} from '../../format/dates.js';

describe('dates as users read them', () => {
  const at = new Date('2026-12-08T08:00:00Z');
  /** New Year's Eve in UTC is already New Year's Day in Moscow. */
  const newYear = new Date('2026-12-31T22:30:00Z');

  it('writes Russian months in the genitive', () => {
    expect(formatDayLong('2026-12-08', 'ru')).toBe('вторник, 8 декабря');
    expect(formatDayShort('2026-12-08', 'ru')).toBe('вт, 8 дек.');
    expect(formatDayMonth('2026-12-08', 'ru')).toBe('8 дек.');
    expect(formatDayButton('2026-12-08', 'ru')).toBe('вт 8');
    expect(formatMoment(at, 'Europe/Moscow', 'ru')).toBe('вт, 8 дек., 11:00');
  });

  it('writes English dates the English way, times on 24 h in the given zone', () => {
    expect(formatDayLong('2026-12-08', 'en')).toBe('Tuesday, December 8');
    expect(formatDayShort('2026-12-08', 'en')).toBe('Tue, Dec 8');
    expect(formatDayMonth('2026-12-08', 'en')).toBe('Dec 8');
    expect(formatDayButton('2026-12-08', 'en')).toBe('Tue 8');
    expect(formatMoment(at, 'America/New_York', 'en')).toBe('Tue, Dec 8, 03:00');
    expect(formatTime(at, 'Asia/Tokyo', 'en')).toBe('17:00');
    expect(formatTime(at, 'Asia/Tokyo', 'ru')).toBe('17:00');
  });

  it('shows a moment on the day it is in the reader’s zone', () => {
    expect(formatMoment(newYear, 'Europe/Moscow', 'ru')).toBe('пт, 1 янв., 01:30');
    expect(formatMoment(newYear, 'UTC', 'en')).toBe('Thu, Dec 31, 22:30');
    expect(formatDate(newYear, 'Europe/Moscow', 'ru')).toBe('1 янв. 2027 г.');
    expect(formatDate(newYear, 'UTC', 'en')).toBe('Dec 31, 2026');
  });

  it('gives far moments their year and zone name', () => {
    expect(formatMomentWithYear(at, 'UTC', 'en')).toBe('Dec 8, 2026, 08:00 UTC');
    expect(formatMomentWithYear(at, 'UTC', 'ru')).toBe('8 дек. 2026 г., 08:00 UTC');
  });

  it('names calendar months, long in titles and short on chart axes', () => {
    expect(formatMonthLong('2031-03', 'en')).toBe('March 2031');
    expect(formatMonthLong('2031-03', 'ru')).toBe('март 2031 г.');
    expect(formatMonthShort('2031-11', 'en')).toBe('Nov 2031');
    expect(formatMonthShort('2031-11', 'ru')).toBe('нояб. 2031 г.');
  });

  it('writes admin-chat times the same in every language', () => {
    expect(formatUtc(new Date('2026-11-26T07:15:42Z'))).toBe('2026-11-26 07:15 UTC');
    expect(formatUtc(null)).toBe('—');
  });
});
