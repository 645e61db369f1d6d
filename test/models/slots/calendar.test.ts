import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChannelSettings, type ChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { channels, slots } from '../../../models/schema.js';
import { readCalendarDay, readCalendarWeek } from '../../../models/slots/calendar.js';
import { regenerateChannelSlots } from '../../../models/slots/regenerate-slots.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

const now = new Date('2026-11-24T06:00:00Z'); // Tuesday 09:00 in Moscow
let database: Database;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
  const settings: ChannelSettings = {
    ...defaultChannelSettings('ru'),
    schedule: {
      mode: 'windows',
      days: [1, 2, 3, 4, 5, 6, 7],
      windows: [{ from: '10:00', to: '14:00' }],
      stepMinutes: 60,
    },
    prices: { '2/48': 250_000, '1/24': 150_000 },
    pinned: { hours: 24, price: 90_000 },
    horizonDays: 10,
  };
  await database.withSystem('test: seed', async (tx) => {
    await tx.update(channels).set({ settings }).where(eq(channels.id, a.channelId));
  });
  await database.withScope({ workspaceId: a.workspaceId }, async (tx) => {
    await regenerateChannelSlots(
      tx,
      { id: a.channelId, workspaceId: a.workspaceId, settings },
      now,
    );
    // Lowered after materializing four a day: taken slots count toward it.
    await tx
      .update(channels)
      .set({ settings: { ...settings, maxPerDay: 2 } })
      .where(eq(channels.id, a.channelId));
    await tx
      .update(slots)
      .set({ status: 'booked', format: '2/48' })
      .where(
        and(eq(slots.channelId, a.channelId), eq(slots.startsAt, new Date('2026-11-25T08:00:00Z'))),
      );
  });
});

afterAll(async () => {
  await database.close();
});

describe('readCalendarWeek / readCalendarDay', () => {
  it('shows Monday to Sunday in the channel timezone with statuses and the cheapest price', async () => {
    const week = await readCalendarWeek(database, {
      accountId: a.accountId,
      channelId: a.channelId,
      weekOffset: 0,
      now,
    });
    if (!week.ok) throw new Error(week.code);
    expect(week.value.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(week.value.cheapestPrice).toBe(90_000);
    expect(week.value.timezone).toBe('Europe/Moscow');
    const wednesday = week.value.days[2]!;
    // 10:00–13:00 in Moscow (UTC+3).
    expect(wednesday.slots.map((s) => [s.startsAt.toISOString(), s.status, s.available])).toEqual([
      ['2026-11-25T07:00:00.000Z', 'free', true],
      ['2026-11-25T08:00:00.000Z', 'booked', false],
      ['2026-11-25T09:00:00.000Z', 'free', false], // inside the 2/48's top window
      ['2026-11-25T10:00:00.000Z', 'free', true],
    ]);
    expect(week.value.days[0]!.slots).toEqual([]); // Monday is before the lead time
  });

  it('marks a full day (max per day reached by taken slots) as not sellable', async () => {
    await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      tx
        .update(slots)
        .set({ status: 'booked', format: '1/24' })
        .where(
          and(
            eq(slots.channelId, a.channelId),
            eq(slots.startsAt, new Date('2026-11-25T10:00:00Z')),
          ),
        ),
    );
    const day = await readCalendarDay(database, {
      accountId: a.accountId,
      channelId: a.channelId,
      day: '2026-11-25',
      now,
    });
    if (!day.ok) throw new Error(day.code);
    expect(day.value.weekOffset).toBe(0);
    expect(day.value.days[0]!.slots.filter((s) => s.available)).toEqual([]);
  });

  it('pages weeks and refuses another workspace', async () => {
    const next = await readCalendarWeek(database, {
      accountId: a.accountId,
      channelId: a.channelId,
      weekOffset: 1,
      now,
    });
    expect(next.ok && next.value.days[0]!.date).toBe('2026-11-30');
    const far = await readCalendarWeek(database, {
      accountId: a.accountId,
      channelId: a.channelId,
      weekOffset: 99,
      now,
    });
    expect(far.ok && far.value.weekOffset).toBe(14);
    const other = await readCalendarWeek(database, {
      accountId: b.accountId,
      channelId: a.channelId,
      weekOffset: 0,
      now,
    });
    expect(other).toEqual({ ok: false, code: 'not_found' });
    const otherDay = await readCalendarDay(database, {
      accountId: b.accountId,
      channelId: a.channelId,
      day: new Date('2026-11-25T08:00:00Z'),
      now,
    });
    expect(otherDay).toEqual({ ok: false, code: 'not_found' });
  });
});
