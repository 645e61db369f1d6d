import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../models/channels/settings.js';
import {
  materializeSlots,
  scheduleMinutes,
  slotWindow,
  type MaterializeInput,
} from '../../../models/slots/materialize.js';
import { conflictsWithTopWindow } from '../../../models/slots/top-window.js';

const everyDay = [1, 2, 3, 4, 5, 6, 7];

function input(timezone: string, schedule: Schedule, extra: Partial<MaterializeInput> = {}) {
  return { timezone, schedule, blackoutDates: [], maxPerDay: null, ...extra };
}

function iso(list: number[]): string[] {
  return list.map((ms) => new Date(ms).toISOString().replace(':00.000Z', 'Z'));
}

const range = (from: string, to: string) => [new Date(from), new Date(to)] as const;

describe('materializeSlots: days × times across DST', () => {
  it('Europe/Berlin spring forward skips the missing 02:30 and shifts UTC by an hour', () => {
    const times: Schedule = { mode: 'times', days: everyDay, times: ['01:30', '02:30', '03:30'] };
    const slots = materializeSlots(
      input('Europe/Berlin', times),
      ...range('2026-03-28T00:00Z', '2026-03-30T00:00Z'),
    );
    expect(iso(slots)).toEqual([
      // Saturday, CET (+01:00)
      '2026-03-28T00:30Z',
      '2026-03-28T01:30Z',
      '2026-03-28T02:30Z',
      // Sunday: 02:30 does not exist; 03:30 is CEST (+02:00)
      '2026-03-29T00:30Z',
      '2026-03-29T01:30Z',
      // Monday 01:30 CEST
      '2026-03-29T23:30Z',
    ]);
  });

  it('Europe/Berlin fall back gives one slot for the ambiguous 02:30 (its first occurrence)', () => {
    const times: Schedule = { mode: 'times', days: everyDay, times: ['02:30', '12:00'] };
    const slots = materializeSlots(
      input('Europe/Berlin', times),
      ...range('2026-10-24T12:00Z', '2026-10-26T00:00Z'),
    );
    expect(iso(slots)).toEqual([
      '2026-10-25T00:30Z', // 02:30 CEST, not 02:30 CET (01:30Z)
      '2026-10-25T11:00Z', // 12:00 CET
    ]);
  });

  it('America/New_York: noon moves from 17:00Z to 16:00Z in March and back in November', () => {
    const times: Schedule = { mode: 'times', days: everyDay, times: ['01:30', '02:30', '12:00'] };
    const spring = materializeSlots(
      input('America/New_York', times),
      ...range('2026-03-07T12:00Z', '2026-03-09T12:00Z'),
    );
    expect(iso(spring)).toEqual([
      '2026-03-07T17:00Z',
      '2026-03-08T06:30Z', // 01:30 EST
      // 02:30 on 8 March does not exist
      '2026-03-08T16:00Z', // noon EDT
      '2026-03-09T05:30Z',
      '2026-03-09T06:30Z',
    ]);
    const fall = materializeSlots(
      input('America/New_York', times),
      ...range('2026-11-01T00:00Z', '2026-11-02T00:00Z'),
    );
    expect(iso(fall)).toEqual([
      '2026-11-01T05:30Z', // 01:30 EDT: the first of the two 01:30s
      '2026-11-01T07:30Z', // 02:30 EST
      '2026-11-01T17:00Z', // noon EST
    ]);
  });

  it('Europe/Moscow has no DST: 10:00 is always 07:00Z', () => {
    const times: Schedule = { mode: 'times', days: everyDay, times: ['10:00'] };
    for (const day of ['2026-01-15', '2026-03-29', '2026-07-01', '2026-10-25']) {
      const slots = materializeSlots(
        input('Europe/Moscow', times),
        ...range(`${day}T00:00Z`, `${day}T23:59Z`),
      );
      expect(iso(slots)).toEqual([`${day}T07:00Z`]);
    }
  });

  it('keeps only the scheduled weekdays (ISO, 1 = Monday)', () => {
    const times: Schedule = { mode: 'times', days: [1, 3], times: ['09:00'] };
    // 2026-11-23 is a Monday.
    const slots = materializeSlots(
      input('UTC', times),
      ...range('2026-11-23T00:00Z', '2026-11-30T00:00Z'),
    );
    expect(iso(slots)).toEqual(['2026-11-23T09:00Z', '2026-11-25T09:00Z']);
  });
});

describe('materializeSlots: windows', () => {
  const window = (stepMinutes: 15 | 30 | 60, from = '10:00', to = '11:00'): Schedule => ({
    mode: 'windows',
    days: everyDay,
    windows: [{ from, to }],
    stepMinutes,
  });

  it.each([
    [15, ['10:00', '10:15', '10:30', '10:45']],
    [30, ['10:00', '10:30']],
    [60, ['10:00']],
  ] as const)('step %i: the window end is exclusive', (step, expected) => {
    const slots = materializeSlots(
      input('UTC', window(step)),
      ...range('2026-11-24T00:00Z', '2026-11-25T00:00Z'),
    );
    expect(iso(slots)).toEqual(expected.map((t) => `2026-11-24T${t}Z`));
  });

  it('steps in local wall time through the Berlin spring-forward gap', () => {
    const slots = materializeSlots(
      input('Europe/Berlin', window(30, '01:00', '04:00')),
      ...range('2026-03-29T00:00Z', '2026-03-29T12:00Z'),
    );
    // 01:00, 01:30 CET; 02:00 and 02:30 do not exist; 03:00, 03:30 CEST
    expect(iso(slots)).toEqual([
      '2026-03-29T00:00Z',
      '2026-03-29T00:30Z',
      '2026-03-29T01:00Z',
      '2026-03-29T01:30Z',
    ]);
  });

  it('a window ending at or before its start runs past midnight (belongs to its start day)', () => {
    const schedule: Schedule = {
      mode: 'windows',
      days: [1],
      windows: [{ from: '23:00', to: '01:00' }],
      stepMinutes: 60,
    };
    const slots = materializeSlots(
      input('UTC', schedule),
      ...range('2026-11-22T00:00Z', '2026-11-26T00:00Z'),
    );
    expect(iso(slots)).toEqual(['2026-11-23T23:00Z', '2026-11-24T00:00Z']);
    expect(scheduleMinutes(schedule)).toEqual([23 * 60, 24 * 60]);
  });

  it('merges overlapping windows and times into one sorted set', () => {
    const schedule: Schedule = {
      mode: 'windows',
      days: everyDay,
      windows: [
        { from: '10:00', to: '11:00' },
        { from: '10:30', to: '12:00' },
      ],
      stepMinutes: 30,
    };
    expect(scheduleMinutes(schedule)).toEqual([600, 630, 660, 690]);
  });
});

describe('materializeSlots: blackout, max per day, range', () => {
  const times: Schedule = {
    mode: 'times',
    days: everyDay,
    times: ['10:00', '12:00', '14:00', '16:00'],
  };

  it('skips blackout local dates (in the channel timezone, not UTC)', () => {
    // 00:30 Moscow on 25 Nov is 21:30Z on 24 Nov: it belongs to the 25th.
    const late: Schedule = { mode: 'times', days: everyDay, times: ['00:30', '12:00'] };
    const slots = materializeSlots(
      input('Europe/Moscow', late, { blackoutDates: ['2026-11-25'] }),
      ...range('2026-11-24T00:00Z', '2026-11-26T21:00Z'),
    );
    expect(iso(slots)).toEqual(['2026-11-24T09:00Z', '2026-11-25T21:30Z', '2026-11-26T09:00Z']);
  });

  it('caps each local day at maxPerDay, earliest first, counted over the whole day', () => {
    const slots = materializeSlots(
      input('UTC', times, { maxPerDay: 2 }),
      ...range('2026-11-24T11:00Z', '2026-11-26T00:00Z'),
    );
    // On the 24th 10:00 and 12:00 are the two of the day; 10:00 is before the range.
    expect(iso(slots)).toEqual(['2026-11-24T12:00Z', '2026-11-25T10:00Z', '2026-11-25T12:00Z']);
  });

  it('returns [fromUtc, toUtc) only, and nothing without a schedule or with an unknown zone', () => {
    const slots = materializeSlots(
      input('UTC', times),
      ...range('2026-11-24T10:00Z', '2026-11-24T14:00Z'),
    );
    expect(iso(slots)).toEqual(['2026-11-24T10:00Z', '2026-11-24T12:00Z']);
    expect(
      materializeSlots(
        { ...input('UTC', times), schedule: null },
        ...range('2026-11-24T00:00Z', '2026-11-25T00:00Z'),
      ),
    ).toEqual([]);
    expect(
      materializeSlots(
        input('Mars/Olympus', times),
        ...range('2026-11-24T00:00Z', '2026-11-25T00:00Z'),
      ),
    ).toEqual([]);
  });

  it('the window starts at now + lead time and ends at now + horizon days', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const window = slotWindow({ leadTimeMinutes: 120, horizonDays: 30 }, now);
    expect(window.from.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-12-24T10:00:00.000Z');
    const slots = materializeSlots(input('UTC', times), window.from, window.to);
    expect(iso(slots)[0]).toBe('2026-11-24T12:00Z');
    expect(slots).toHaveLength(30 * 4 - 1);
  });
});

describe('conflictsWithTopWindow', () => {
  const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00Z`);
  const booked = [{ startsAt: at('12:00'), format: '2/48' }];

  it('a 2/48 at 12:00 blocks other slots until 14:00', () => {
    expect(conflictsWithTopWindow({ startsAt: at('12:00') }, booked)).toBe(true);
    expect(conflictsWithTopWindow({ startsAt: at('13:00') }, booked)).toBe(true);
    expect(conflictsWithTopWindow({ startsAt: at('13:45') }, booked)).toBe(true);
    expect(conflictsWithTopWindow({ startsAt: at('14:00') }, booked)).toBe(false);
    expect(conflictsWithTopWindow({ startsAt: at('11:00') }, booked)).toBe(false);
  });

  it('a candidate whose own top window would cover a later booking conflicts', () => {
    expect(conflictsWithTopWindow({ startsAt: at('10:00'), format: '3/72' }, booked)).toBe(true);
    expect(conflictsWithTopWindow({ startsAt: at('10:00'), format: '1/24' }, booked)).toBe(false);
    expect(conflictsWithTopWindow({ startsAt: at('11:30'), format: 'pin:24' }, booked)).toBe(false);
  });

  it('pinned and unknown formats have no top window', () => {
    const pinned = [{ startsAt: at('12:00'), format: 'pin:24' }];
    expect(conflictsWithTopWindow({ startsAt: at('12:30') }, pinned)).toBe(false);
    expect(
      conflictsWithTopWindow({ startsAt: at('12:30') }, [{ startsAt: at('12:00'), format: null }]),
    ).toBe(false);
  });
});
