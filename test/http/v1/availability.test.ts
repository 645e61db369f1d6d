import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../http/v1/problems.js';
import { requestChannelAccess } from '../../../models/orders/channel-access.js';
import { everyDayAt, makeChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { expectSameNotFound } from './isolation.js';
import { startV1World, type V1World } from './world.js';

type Availability = {
  channel_id: string;
  timezone: string;
  currency: string;
  formats: { format: string; price: number; slots: { starts_at: string }[] }[];
};

// The world's clock: 2032-05-10 09:00:30 UTC (12:00:30 in Moscow). One hour's lead time.
const utc = (iso: string) => new Date(`${iso}Z`);
const path = '/v1/channels/{id}/availability';
let world: V1World;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;
let advertiser: Awaited<ReturnType<V1World['advertiserKey']>>;
let channel: MadeChannel;

beforeAll(async () => {
  world = await startV1World();
  [owner, advertiser] = await Promise.all([world.ownerKey(), world.advertiserKey()]);
  channel = await makeChannel(world.database, {
    workspaceId: owner.workspaceId,
    settings: {
      timezone: 'Europe/Moscow',
      schedule: everyDayAt('12:00'),
      leadTimeMinutes: 60,
      horizonDays: 30,
    },
    slots: [
      utc('2032-05-10T09:30:00'), // inside the lead time
      utc('2032-05-10T12:00:00'),
      utc('2032-05-11T08:30:00'), // a 2/48 here would cover the booked 10:00 with its top hours
      utc('2032-05-11T11:00:00'), // inside the booked 2/48's top window (10:00–12:00)
      utc('2032-05-11T20:30:00'), // 23:30 on the 11th in Moscow
      utc('2032-05-11T21:30:00'), // 00:30 on the 12th in Moscow
      utc('2032-06-08T12:00:00'), // within the 30 days' horizon
      utc('2032-06-10T12:00:00'), // beyond it
    ],
  });
  await makeOrder(world.database, {
    channel,
    status: 'paid',
    format: '2/48',
    firstSlotAt: utc('2032-05-11T10:00:00'),
  });
});
afterAll(async () => {
  await world?.close();
});

const get = (key: string, id: string, query: Record<string, string>) =>
  world.call({ path, params: { id }, key, query });
const startsOf = (body: unknown, format: string) =>
  (body as Availability).formats.find((f) => f.format === format)?.slots.map((s) => s.starts_at);

describe('GET /v1/channels/{id}/availability with an advertiser key', () => {
  it('lists the free start times per format on the channel’s local days, by the bot’s rules', async () => {
    const answer = await get(advertiser.key, channel.id, { from: '2032-05-10', to: '2032-05-11' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      channel_id: channel.id,
      timezone: 'Europe/Moscow',
      currency: 'RUB',
      formats: [
        {
          format: '1/24',
          price: 100_000,
          slots: [
            { starts_at: '2032-05-10T12:00:00.000Z' },
            { starts_at: '2032-05-11T08:30:00.000Z' },
            { starts_at: '2032-05-11T20:30:00.000Z' },
          ],
        },
        {
          format: '2/48',
          price: 150_000,
          slots: [
            { starts_at: '2032-05-10T12:00:00.000Z' },
            { starts_at: '2032-05-11T20:30:00.000Z' },
          ],
        },
      ],
    });
  });

  it('answers one format when asked, and refuses a format the channel does not offer', async () => {
    const one = await get(advertiser.key, channel.id, {
      from: '2032-05-12',
      to: '2032-05-12',
      format: '2/48',
    });
    expect(one.status).toBe(200);
    expect((one.body as Availability).formats.map((f) => f.format)).toEqual(['2/48']);
    expect(startsOf(one.body, '2/48')).toEqual(['2032-05-11T21:30:00.000Z']);
    const pinned = await get(advertiser.key, channel.id, {
      from: '2032-05-12',
      to: '2032-05-12',
      format: 'pin:24',
    });
    expect(pinned.status).toBe(400);
    expect((pinned.body as Problem).type).toMatch(/\/format-not-offered$/);
  });

  it('stops at the channel’s horizon', async () => {
    const answer = await get(advertiser.key, channel.id, {
      from: '2032-06-01',
      to: '2032-06-30',
      format: '1/24',
    });
    expect(startsOf(answer.body, '1/24')).toEqual(['2032-06-08T12:00:00.000Z']);
  });

  it('refuses a range backwards, longer than 31 days or not made of dates', async () => {
    const queries: Record<string, string>[] = [
      { from: '2032-05-12', to: '2032-05-11' },
      { from: '2032-05-01', to: '2032-06-01' },
      { from: '2032-05-10T00:00', to: '2032-05-11' },
      { from: '2032-05-10' },
    ];
    for (const query of queries) {
      const answer = await get(advertiser.key, channel.id, query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect((answer.body as Problem).type).toMatch(/\/validation-failed$/);
    }
    const month = await get(advertiser.key, channel.id, { from: '2032-05-01', to: '2032-05-31' });
    expect(month.status).toBe(200);
  });

  it('keeps a whitelist-only channel closed until the owner allows the advertiser', async () => {
    const closed = await makeChannel(world.database, {
      settings: { whitelistOnly: true, schedule: everyDayAt('12:00') },
    });
    const days = { from: '2032-05-10', to: '2032-05-11' };
    const before = await get(advertiser.key, closed.id, days);
    expect(before.status).toBe(403);
    expect((before.body as Problem).type).toMatch(/\/channel-not-bookable$/);
    const asked = await requestChannelAccess(
      world.database,
      { accountId: advertiser.accountId, channelId: closed.id },
      world.clock,
    );
    expect(asked.ok).toBe(true);
    const waiting = await get(advertiser.key, closed.id, days);
    expect(waiting.status).toBe(403);
    expect((waiting.body as Problem).detail).toMatch(/awaits the owner/);
  });

  it('does not show a channel the catalog does not list: 404 as for no channel at all', async () => {
    const schedule = everyDayAt('12:00');
    const unlisted = [
      await makeChannel(world.database, { status: 'paused', settings: { schedule } }),
      await makeChannel(world.database, { settings: { schedule: null } }),
      await makeChannel(world.database, { settings: { schedule, prices: {} } }),
    ];
    const days = { from: '2032-05-10', to: '2032-05-11' };
    const missing = await get(advertiser.key, randomUUID(), days);
    for (const channel of unlisted)
      expectSameNotFound(await get(advertiser.key, channel.id, days), missing);
  });
});

describe('GET /v1/channels/{id}/availability with an owner key', () => {
  it('reads its own channel as advertisers see it', async () => {
    const days = { from: '2032-05-10', to: '2032-05-11' };
    const own = await get(owner.key, channel.id, days);
    expect(own.status).toBe(200);
    expect(own.body).toEqual((await get(advertiser.key, channel.id, days)).body);
  });

  it('sells nothing on its paused channel', async () => {
    const paused = await makeChannel(world.database, {
      workspaceId: owner.workspaceId,
      status: 'paused',
      slots: [utc('2032-05-10T12:00:00')],
    });
    const answer = await get(owner.key, paused.id, { from: '2032-05-10', to: '2032-05-10' });
    expect(answer.status).toBe(200);
    expect((answer.body as Availability).formats).toEqual([
      { format: '1/24', price: 100_000, slots: [] },
      { format: '2/48', price: 150_000, slots: [] },
    ]);
  });

  it('answers another workspace’s channel exactly as a missing one', async () => {
    const other = await makeChannel(world.database, { slots: [utc('2032-05-10T12:00:00')] });
    const days = { from: '2032-05-10', to: '2032-05-10' };
    expectSameNotFound(
      await get(owner.key, other.id, days),
      await get(owner.key, randomUUID(), days),
    );
  });
});
