import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChannelSettings, type ChannelSettings } from '../../../models/channels/settings.js';
import type { Database } from '../../../models/db.js';
import { channels, orderItems, orders, slots } from '../../../models/schema.js';
import { extendSlotHorizons } from '../../../models/slots/extend-slot-horizons.js';
import { availableSlots } from '../../../models/slots/queries.js';
import { regenerateChannelSlots } from '../../../models/slots/regenerate-slots.js';
import { createTestDatabase } from '../../helpers/db.js';
import { type Tenant, makeTenant } from '../../factories/channels.js';

const now = new Date('2026-11-24T06:00:00Z'); // a Tuesday, 09:00 in Moscow

function settingsWith(overrides: Partial<ChannelSettings>): ChannelSettings {
  return {
    ...defaultChannelSettings('ru'),
    schedule: {
      mode: 'times',
      days: [1, 2, 3, 4, 5, 6, 7],
      times: ['10:00', '12:00', '14:00', '16:00'],
    },
    prices: { '1/24': 100_000, '2/48': 150_000 },
    leadTimeMinutes: 60,
    horizonDays: 7,
    ...overrides,
  };
}

let database: Database;
let a: Tenant;
let b: Tenant;

async function store(tenant: Tenant, settings: ChannelSettings) {
  await database.withSystem('test: settings', (tx) =>
    tx
      .update(channels)
      .set({ settings: { ...settings }, status: 'active' })
      .where(eq(channels.id, tenant.channelId)),
  );
  return { id: tenant.channelId, workspaceId: tenant.workspaceId, settings };
}

const inScope = <T>(
  t: Tenant,
  fn: Parameters<Database['withScope']>[1] & ((tx: never) => Promise<T>),
) =>
  database.withScope(
    { workspaceId: t.workspaceId, accountId: t.accountId },
    fn as never,
  ) as Promise<T>;

async function slotsOf(t: Tenant) {
  return database.withScope({ workspaceId: t.workspaceId }, (tx) =>
    tx
      .select({ startsAt: slots.startsAt, status: slots.status, id: slots.id })
      .from(slots)
      .where(eq(slots.channelId, t.channelId))
      .orderBy(slots.startsAt),
  );
}

async function setStatus(
  t: Tenant,
  startsAt: string,
  status: 'booked' | 'published' | 'blocked',
  format?: string,
) {
  await database.withScope({ workspaceId: t.workspaceId }, (tx) =>
    tx
      .update(slots)
      .set({ status, format: format ?? null })
      .where(and(eq(slots.channelId, t.channelId), eq(slots.startsAt, new Date(startsAt)))),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeTenant(database, { title: 'A channel' });
  b = await makeTenant(database, { title: 'B channel' });
});

afterAll(async () => {
  await database.close();
});

describe('regenerateChannelSlots', () => {
  it('materializes the horizon once; running it again changes nothing', async () => {
    const channel = await store(a, settingsWith({}));
    const first = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, channel, now),
    );
    // 09:00 Moscow + 1 h lead: today's 10:00 is just in; 7 days × 4.
    expect(first).toEqual({ created: 28, removed: 0 });
    const again = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, channel, now),
    );
    expect(again).toEqual({ created: 0, removed: 0 });
    const rows = await slotsOf(a);
    expect(rows[0]?.startsAt.toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });

  it('keeps booked, published and blocked slots and deletes stale free ones after a schedule change', async () => {
    await setStatus(a, '2026-11-25T07:00:00Z', 'booked', '2/48');
    await setStatus(a, '2026-11-25T11:00:00Z', 'published', '1/24');
    await setStatus(a, '2026-11-26T07:00:00Z', 'blocked');
    const channel = await store(
      a,
      settingsWith({ schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['18:00'] } }),
    );
    const counts = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, channel, now),
    );
    expect(counts.created).toBe(7);
    expect(counts.removed).toBe(28 - 3);
    const rows = await slotsOf(a);
    expect(
      rows.filter((r) => r.status !== 'free').map((r) => [r.startsAt.toISOString(), r.status]),
    ).toEqual([
      ['2026-11-25T07:00:00.000Z', 'booked'],
      ['2026-11-25T11:00:00.000Z', 'published'],
      ['2026-11-26T07:00:00.000Z', 'blocked'],
    ]);
    expect(
      rows.filter((r) => r.status === 'free').every((r) => r.startsAt.getUTCHours() === 15),
    ).toBe(true);
  });

  it('withdraws a stale free slot that order history references instead of deleting it', async () => {
    const [slot] = (await slotsOf(a)).filter((r) => r.status === 'free');
    if (!slot) throw new Error('no free slot');
    await database.withSystem('test: order history', async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({
          workspaceId: a.workspaceId,
          advertiserAccountId: b.accountId,
          currency: 'RUB',
          status: 'expired',
        })
        .returning({ id: orders.id });
      await tx.insert(orderItems).values({
        orderId: order!.id,
        workspaceId: a.workspaceId,
        advertiserAccountId: b.accountId,
        slotId: slot.id,
        channelId: a.channelId,
        format: '1/24',
        price: 100_000,
      });
    });
    const off = await store(a, settingsWith({ schedule: null }));
    const removed = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, off, now),
    );
    expect(removed.removed).toBe(7);
    expect((await slotsOf(a)).find((r) => r.id === slot.id)?.status).toBe('cancelled');
    const on = await store(
      a,
      settingsWith({ schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['18:00'] } }),
    );
    const back = await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, on, now),
    );
    expect(back.created).toBe(7);
    expect((await slotsOf(a)).find((r) => r.id === slot.id)?.status).toBe('free');
  });

  it('leaves slots before now + lead time alone', async () => {
    const later = new Date('2026-11-24T14:30:00Z'); // 17:30 Moscow; the 18:00 slot is within the lead time
    const channel = await store(
      a,
      settingsWith({ schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['20:00'] } }),
    );
    await database.withScope({ workspaceId: a.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, channel, later),
    );
    const today = (await slotsOf(a)).filter((r) =>
      r.startsAt.toISOString().startsWith('2026-11-24'),
    );
    expect(today.map((r) => r.startsAt.toISOString())).toEqual([
      '2026-11-24T15:00:00.000Z',
      '2026-11-24T17:00:00.000Z',
    ]);
  });
});

describe('availableSlots', () => {
  it('hides slots inside a taken slot’s top window and honours max per day counting taken ones', async () => {
    const channel = await store(
      b,
      settingsWith({
        schedule: {
          mode: 'windows',
          days: [1, 2, 3, 4, 5, 6, 7],
          windows: [{ from: '10:00', to: '18:00' }],
          stepMinutes: 60,
        },
        horizonDays: 3,
      }),
    );
    await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      regenerateChannelSlots(tx, channel, now),
    );
    // The owner lowers max per day to 3 after materializing 8 a day: taken slots count toward it.
    await store(b, { ...channel.settings, maxPerDay: 3 });
    await setStatus(b, '2026-11-25T09:00:00Z', 'booked', '2/48'); // 12:00 Moscow
    const wed = [new Date('2026-11-24T21:00:00Z'), new Date('2026-11-25T21:00:00Z')] as const;
    const free = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      availableSlots(tx, b.channelId, ...wed),
    );
    const local = (list: { startsAt: Date }[]) =>
      list.map((s) => (s.startsAt.getUTCHours() + 3).toString().padStart(2, '0'));
    // 10..17 local; 12 is booked, 13 is inside its 2-hour top window; max 3 per day still allows them.
    expect(local(free)).toEqual(['10', '11', '14', '15', '16', '17']);
    await setStatus(b, '2026-11-25T12:00:00Z', 'booked', '1/24'); // 15:00
    const two = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      availableSlots(tx, b.channelId, ...wed),
    );
    expect(local(two)).toEqual(['10', '11', '14', '16', '17']);
    await setStatus(b, '2026-11-25T07:00:00Z', 'booked', '1/24'); // 10:00 → three taken: the day is full
    const none = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      availableSlots(tx, b.channelId, ...wed),
    );
    expect(none).toEqual([]);
  });

  it('with a format, hides slots whose own top window would cover a later taken slot', async () => {
    const thu = [new Date('2026-11-25T21:00:00Z'), new Date('2026-11-26T21:00:00Z')] as const;
    await setStatus(b, '2026-11-26T11:00:00Z', 'booked', '1/24'); // 14:00
    const hours = async (format?: string) =>
      (
        await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
          availableSlots(tx, b.channelId, ...thu, format ? { format } : {}),
        )
      ).map((s) => s.startsAt.getUTCHours() + 3);
    expect(await hours()).toEqual([10, 11, 12, 13, 15, 16, 17]);
    expect(await hours('3/72')).toEqual([10, 11, 15, 16, 17]);
    expect(await hours('pin:24')).toEqual([10, 11, 12, 13, 15, 16, 17]);
  });
});

describe('isolation', () => {
  it('a second workspace never sees nor changes the first one’s slots', async () => {
    const seen = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      tx.select({ id: slots.id }).from(slots).where(eq(slots.channelId, a.channelId)),
    );
    expect(seen).toEqual([]);
    const updated = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      tx
        .update(slots)
        .set({ status: 'blocked' })
        .where(eq(slots.channelId, a.channelId))
        .returning({ id: slots.id }),
    );
    expect(updated).toEqual([]);
    const available = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      availableSlots(tx, a.channelId, now, new Date('2026-12-31T00:00:00Z')),
    );
    expect(available).toEqual([]);
    const forged = database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      regenerateChannelSlots(
        tx,
        { id: a.channelId, workspaceId: a.workspaceId, settings: settingsWith({}) },
        now,
      ),
    );
    // The other workspace's channel is invisible here: nothing is written (RLS would refuse it anyway).
    expect(await forged).toEqual({ created: 0, removed: 0 });
    // Its own workspace id with the other's channel id: the channel is invisible, nothing is written.
    const crossed = await database.withScope({ workspaceId: b.workspaceId }, (tx) =>
      regenerateChannelSlots(
        tx,
        {
          id: a.channelId,
          workspaceId: b.workspaceId,
          settings: settingsWith({ horizonDays: 90 }),
        },
        now,
      ),
    );
    expect(crossed).toEqual({ created: 0, removed: 0 });
    const strays = await database.withSystem('test: strays', (tx) =>
      tx
        .select({ id: slots.id })
        .from(slots)
        .where(and(eq(slots.channelId, a.channelId), eq(slots.workspaceId, b.workspaceId))),
    );
    expect(strays).toEqual([]);
    expect(
      (await slotsOf(a)).some((r) => r.status === 'blocked' && r.startsAt.getUTCHours() !== 7),
    ).toBe(false);
  });
});

describe('extendSlotHorizons', () => {
  it('regenerates every channel across workspaces and extends by a day as time moves on', async () => {
    const first = await extendSlotHorizons(database, now, { batchSize: 1 });
    expect(first.channels).toBe(2);
    expect(first.batches).toBe(2);
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const next = await extendSlotHorizons(database, tomorrow);
    // One new horizon day each: A offers one 20:00 a day, B at most 3 a day.
    expect(next.created).toBe(1 + 3);
    void inScope;
  });
});
