import { describe, expect, it } from 'vitest';
import {
  parseBlackoutDate,
  parseBundleDiscount,
  parseDescription,
  parseHorizonDays,
  parseLeadTime,
  parseMaxPerDay,
  parsePinHours,
  toggleBlackoutDate,
} from '../../../models/channels/settings-input-values.js';
import {
  maskToWeekdays,
  parsePrice,
  parseStep,
  parseTimes,
  parseTimezone,
  parseWindows,
  toggleWeekday,
  weekdaysToMask,
} from '../../../models/channels/settings-input.js';

describe('parseTimes', () => {
  it('accepts lists with any separators, normalizes, sorts and dedupes', () => {
    expect(parseTimes('9:00, 13:30 18:00')).toEqual({
      ok: true,
      value: ['09:00', '13:30', '18:00'],
    });
    expect(parseTimes('18:00;9.00\n09:00,,  7')).toEqual({
      ok: true,
      value: ['07:00', '09:00', '18:00'],
    });
  });

  it('refuses 25:00, 12:60 and junk, naming the bad token', () => {
    expect(parseTimes('9:00 25:00')).toEqual({
      ok: false,
      code: 'bad_time',
      detail: { token: '25:00' },
    });
    expect(parseTimes('12:60')).toMatchObject({ code: 'bad_time', detail: { token: '12:60' } });
    expect(parseTimes('noon')).toMatchObject({ code: 'bad_time', detail: { token: 'noon' } });
    expect(parseTimes('9:5')).toMatchObject({ code: 'bad_time' });
    expect(parseTimes('  ')).toMatchObject({ code: 'empty' });
  });

  it('refuses more than 48 times', () => {
    const many = Array.from(
      { length: 49 },
      (_, i) => `${Math.floor(i / 4)}:${['00', '15', '30', '45'][i % 4]}`,
    );
    expect(parseTimes(many.join(' '))).toMatchObject({ code: 'too_many' });
  });
});

describe('parseWindows and parseStep', () => {
  it('accepts windows with dashes of any kind', () => {
    expect(parseWindows('10:00-14:00, 16:00 – 22:00')).toEqual({
      ok: true,
      value: [
        { from: '10:00', to: '14:00' },
        { from: '16:00', to: '22:00' },
      ],
    });
  });

  it('refuses reversed, overlapping, incomplete and bad windows', () => {
    expect(parseWindows('22:00-10:00')).toMatchObject({
      code: 'bad_window',
      detail: { token: '22:00-10:00' },
    });
    expect(parseWindows('10:00-14:00 13:00-15:00')).toMatchObject({ code: 'bad_window' });
    expect(parseWindows('10:00')).toMatchObject({ code: 'bad_window' });
    expect(parseWindows('10:00-25:00')).toMatchObject({ code: 'bad_window' });
  });

  it('allows only steps of 15, 30 and 60 minutes', () => {
    expect(parseStep('15')).toEqual({ ok: true, value: 15 });
    expect(parseStep('30')).toEqual({ ok: true, value: 30 });
    expect(parseStep(' 60 ')).toEqual({ ok: true, value: 60 });
    expect(parseStep('7')).toMatchObject({ ok: false, code: 'bad_step', detail: { token: '7' } });
    expect(parseStep('45')).toMatchObject({ code: 'bad_step' });
  });
});

describe('weekdays', () => {
  it('toggles days and round-trips through a bit mask', () => {
    expect(toggleWeekday([1, 3], 2)).toEqual([1, 2, 3]);
    expect(toggleWeekday([1, 2, 3], 2)).toEqual([1, 3]);
    expect(toggleWeekday([1], 9)).toEqual([1]);
    expect(maskToWeekdays(weekdaysToMask([1, 5, 7]))).toEqual([1, 5, 7]);
    expect(weekdaysToMask([1, 2, 3, 4, 5, 6, 7])).toBe(127);
  });
});

describe('parsePrice', () => {
  it('reads prices in minor units with spaces and either decimal mark', () => {
    expect(parsePrice('1500')).toEqual({ ok: true, value: 150_000 });
    expect(parsePrice('1 500')).toEqual({ ok: true, value: 150_000 });
    expect(parsePrice('1500.50')).toEqual({ ok: true, value: 150_050 });
    expect(parsePrice('1500,5')).toEqual({ ok: true, value: 150_050 });
    expect(parsePrice('0.01')).toEqual({ ok: true, value: 1 });
    expect(parsePrice('10000000')).toEqual({ ok: true, value: 1_000_000_000 });
  });

  it('refuses 0, negative, 3 decimals, absurd and junk', () => {
    expect(parsePrice('0')).toMatchObject({ code: 'not_positive' });
    expect(parsePrice('0,00')).toMatchObject({ code: 'not_positive' });
    expect(parsePrice('-5')).toMatchObject({ code: 'not_positive' });
    expect(parsePrice('1.505')).toMatchObject({ code: 'too_many_decimals' });
    expect(parsePrice('99999999999')).toMatchObject({ code: 'too_large' });
    expect(parsePrice('10000000.01')).toMatchObject({ code: 'too_large' });
    expect(parsePrice('1e5')).toMatchObject({ code: 'bad_number' });
    expect(parsePrice('abc')).toMatchObject({ code: 'bad_number' });
    expect(parsePrice('')).toMatchObject({ code: 'empty' });
  });
});

describe('parseTimezone', () => {
  it('accepts IANA names in any case, returning the canonical one', () => {
    expect(parseTimezone('Europe/Moscow')).toEqual({ ok: true, value: 'Europe/Moscow' });
    expect(parseTimezone('america/new_york')).toEqual({ ok: true, value: 'America/New_York' });
    expect(parseTimezone('utc')).toEqual({ ok: true, value: 'UTC' });
    expect(parseTimezone('Asia/Almaty')).toMatchObject({ ok: true });
    expect(parseTimezone('europe/kyiv')).toEqual({ ok: true, value: 'Europe/Kyiv' });
    expect(parseTimezone('US/Eastern')).toEqual({ ok: true, value: 'America/New_York' });
  });

  it('refuses unknown zones and junk', () => {
    expect(parseTimezone('Mars/Olympus')).toMatchObject({
      code: 'bad_timezone',
      detail: { token: 'Mars/Olympus' },
    });
    expect(parseTimezone('Moscow')).toMatchObject({ code: 'bad_timezone' });
    expect(parseTimezone('<b>')).toMatchObject({ code: 'bad_timezone' });
    expect(parseTimezone('')).toMatchObject({ code: 'empty' });
  });
});

describe('numbers', () => {
  it('reads lead times in minutes, hours and days', () => {
    expect(parseLeadTime('2h')).toEqual({ ok: true, value: 120 });
    expect(parseLeadTime('90m')).toEqual({ ok: true, value: 90 });
    expect(parseLeadTime('30')).toEqual({ ok: true, value: 30 });
    expect(parseLeadTime('1h 30m')).toEqual({ ok: true, value: 90 });
    expect(parseLeadTime('1d')).toEqual({ ok: true, value: 1440 });
    expect(parseLeadTime('3ч')).toEqual({ ok: true, value: 180 });
    expect(parseLeadTime('15d')).toMatchObject({ code: 'out_of_range' });
    expect(parseLeadTime('soon')).toMatchObject({ code: 'bad_number' });
    expect(parseLeadTime('-5')).toMatchObject({ code: 'bad_number' });
  });

  it('bounds horizon, max per day, pin hours', () => {
    expect(parseHorizonDays('30')).toEqual({ ok: true, value: 30 });
    expect(parseHorizonDays('0')).toMatchObject({
      code: 'out_of_range',
      detail: { min: 1, max: 90 },
    });
    expect(parseHorizonDays('91')).toMatchObject({ code: 'out_of_range' });
    expect(parseHorizonDays('3.5')).toMatchObject({ code: 'bad_number' });
    expect(parseMaxPerDay('4')).toEqual({ ok: true, value: 4 });
    expect(parseMaxPerDay('0')).toEqual({ ok: true, value: null });
    expect(parseMaxPerDay('97')).toMatchObject({ code: 'out_of_range' });
    expect(parsePinHours('24h')).toEqual({ ok: true, value: 24 });
    expect(parsePinHours('169')).toMatchObject({ code: 'out_of_range' });
  });

  it('reads bundle discounts', () => {
    expect(parseBundleDiscount('3 10')).toEqual({ ok: true, value: { minSlots: 3, percent: 10 } });
    expect(parseBundleDiscount('3 -10%')).toEqual({
      ok: true,
      value: { minSlots: 3, percent: 10 },
    });
    expect(parseBundleDiscount('0')).toEqual({ ok: true, value: null });
    expect(parseBundleDiscount('1 10')).toMatchObject({ code: 'out_of_range' });
    expect(parseBundleDiscount('3 95')).toMatchObject({ code: 'out_of_range' });
    expect(parseBundleDiscount('3')).toMatchObject({ code: 'bad_number' });
  });
});

describe('description', () => {
  it('keeps up to 500 characters, "-" clears', () => {
    expect(parseDescription('  Travel notes ')).toEqual({ ok: true, value: 'Travel notes' });
    expect(parseDescription('-')).toEqual({ ok: true, value: '' });
    expect(parseDescription('x'.repeat(500))).toMatchObject({ ok: true });
    expect(parseDescription('x'.repeat(501))).toMatchObject({
      code: 'too_long',
      detail: { length: 501 },
    });
  });
});

describe('blackout dates', () => {
  const today = '2026-11-26';
  it('reads ISO and dotted dates; DD.MM means the next such day', () => {
    expect(parseBlackoutDate('2026-12-31', today)).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseBlackoutDate('31.12.2026', today)).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseBlackoutDate('31.12', today)).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseBlackoutDate('01.01', today)).toEqual({ ok: true, value: '2027-01-01' });
    expect(parseBlackoutDate('26.11', today)).toEqual({ ok: true, value: '2026-11-26' });
  });

  it('refuses past and impossible dates', () => {
    expect(parseBlackoutDate('2026-11-25', today)).toMatchObject({ code: 'past_date' });
    expect(parseBlackoutDate('25.11.2026', today)).toMatchObject({ code: 'past_date' });
    expect(parseBlackoutDate('31.02.2027', today)).toMatchObject({ code: 'bad_date' });
    expect(parseBlackoutDate('2026-13-01', today)).toMatchObject({ code: 'bad_date' });
    expect(parseBlackoutDate('tomorrow', today)).toMatchObject({ code: 'bad_date' });
  });

  it('toggles a date on and off', () => {
    expect(toggleBlackoutDate(['2026-12-31'], '2026-12-01')).toEqual(['2026-12-01', '2026-12-31']);
    expect(toggleBlackoutDate(['2026-12-01', '2026-12-31'], '2026-12-01')).toEqual(['2026-12-31']);
  });
});
