import { describe, expect, it } from 'vitest';
import {
  formatDayButton,
  formatDayLong,
  formatDayMonth,
  formatDayShort,
  formatMoment,
  formatTime,
} from '../../bot/dates.js';

describe('dates as users read them', () => {
  const at = new Date('2026-12-08T08:00:00Z');

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
    expect(formatDayButton('2026-12-08', 'en')).toBe('Tue 8');
    expect(formatMoment(at, 'America/New_York', 'en')).toBe('Tue, Dec 8, 03:00');
    expect(formatTime(at, 'Asia/Tokyo', 'en')).toBe('17:00');
  });
});
