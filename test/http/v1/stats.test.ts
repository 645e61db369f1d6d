import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClickLinks } from '../../../models/clicks/codes.js';
import { recordClick } from '../../../models/clicks/record-click.js';
import { channelLocalDay, recordMemberCount } from '../../../models/channels/member-counts.js';
import { ensureEventPartitions } from '../../../models/events/ensure-partitions.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { makeChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { expectSameNotFound } from './isolation.js';
import { startV1World, type V1World } from './world.js';

// The world's clock: 2032-05-10 09:00:30 UTC. The channel counts days in Moscow (UTC+3).
const utc = (iso: string) => new Date(`${iso}Z`);
const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';
let world: V1World;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;
let advertiser: Awaited<ReturnType<V1World['advertiserKey']>>;
let channel: MadeChannel;
let quiet: MadeChannel;
let served: ServedOrder;
let held: MadeOrder;

/** The channel's measured size at `at` (the daily job's sample); false when its day has one. */
function sample(count: number, at: string) {
  return world.database.withScope({ workspaceId: owner.workspaceId }, (tx) =>
    recordMemberCount(tx, {
      channelId: channel.id,
      workspaceId: owner.workspaceId,
      count,
      day: channelLocalDay('Europe/Moscow', utc(at)),
      at: utc(at),
    }),
  );
}

async function click(code: string, visitorKey: string, at: string) {
  const result = await recordClick(
    world.database,
    { code, visitorKey, userAgent: browser },
    { now: () => utc(at), offsetMs: () => 0 },
  );
  expect(result).toMatchObject({ kind: 'redirect', counted: true });
}

beforeAll(async () => {
  world = await startV1World();
  [owner, advertiser] = await Promise.all([world.ownerKey(), world.advertiserKey()]);
  channel = await makeChannel(world.database, { workspaceId: owner.workspaceId });
  quiet = await makeChannel(world.database, { workspaceId: owner.workspaceId });
  // Two posts of 1 000 ₽ paid 2 000 ₽: one kept in full (published 12:00 on 30 April in Moscow),
  // one never posted. Settled on 2 May: 1 000 ₽ back, 800 ₽ to the owner, 200 ₽ fee.
  served = await makeServedOrder(world.database, {
    base: utc('2032-04-30T09:00:00'),
    amount: 200_000,
    currency: 'RUB',
    channel,
    advertiser: advertiser.accountId,
    placements: [{}, { publishedAfterHours: null }],
  });
  for (const id of served.placementIds)
    expect((await settlePlacement(world.database, id, utc('2032-05-02T09:00:00'))).ok).toBe(true);
  await world.database.withSystem('test: event partitions', (tx) =>
    ensureEventPartitions(tx, utc('2032-04-01T00:00:00')),
  );
  const [code] = await world.database.withScope({ workspaceId: owner.workspaceId }, (tx) =>
    ensureClickLinks(tx, {
      placementId: served.placementIds[0]!,
      workspaceId: owner.workspaceId,
      targets: ['https://example.com/coffee'],
    }),
  );
  await click(code!, 'visitor one', '2032-04-30T10:00:00');
  await click(code!, 'visitor one', '2032-04-30T11:00:00');
  await click(code!, 'visitor two', '2032-04-30T22:30:00'); // 1 May, 01:30 in Moscow
  expect(await sample(1_000, '2032-04-30T08:00:00')).toBe(true);
  expect(await sample(1_005, '2032-04-30T20:00:00')).toBe(false); // 23:00 in Moscow: same day
  expect(await sample(1_040, '2032-05-01T21:30:00')).toBe(true); // 2 May, 00:30 in Moscow
  held = await makeOrder(world.database, {
    channel,
    advertiser: advertiser.accountId,
    at: world.clock.now(),
  });
});
afterAll(async () => {
  await world?.close();
});

const channelStats = (key: string, id: string, from: string, to: string) =>
  world.call({ path: '/v1/channels/{id}/stats', params: { id }, key, query: { from, to } });
const orderStats = (key: string, id: string) =>
  world.call({ path: '/v1/orders/{id}/stats', params: { id }, key });

describe('GET /v1/channels/{id}/stats', () => {
  it('counts publications, clicks and the owner’s earnings on the channel’s local days', async () => {
    const all = await channelStats(owner.key, channel.id, '2032-04-30', '2032-05-02');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      channel_id: channel.id,
      timezone: 'Europe/Moscow',
      from: '2032-04-30',
      to: '2032-05-02',
      publications: 1,
      clicks: 3,
      unique_clicks: 2,
      earned: [{ currency: 'RUB', amount: 80_000 }],
      subscribers_start: 1_000,
      subscribers_end: 1_040,
    });
    expect(
      (await channelStats(owner.key, channel.id, '2032-04-30', '2032-04-30')).body,
    ).toMatchObject({
      publications: 1,
      clicks: 2,
      unique_clicks: 1,
      earned: [],
      subscribers_start: 1_000,
      subscribers_end: 1_000,
    });
    expect(
      (await channelStats(owner.key, channel.id, '2032-05-01', '2032-05-01')).body,
    ).toMatchObject({
      publications: 0,
      clicks: 1,
      unique_clicks: 1,
      earned: [],
      subscribers_start: null,
      subscribers_end: null,
    });
    expect(
      (await channelStats(owner.key, channel.id, '2032-05-02', '2032-05-02')).body,
    ).toMatchObject({
      publications: 0,
      clicks: 0,
      earned: [{ currency: 'RUB', amount: 80_000 }],
      subscribers_start: 1_040,
      subscribers_end: 1_040,
    });
  });

  it('gives another channel of the workspace only its own numbers', async () => {
    expect(
      (await channelStats(owner.key, quiet.id, '2032-04-01', '2032-05-31')).body,
    ).toMatchObject({
      publications: 0,
      clicks: 0,
      unique_clicks: 0,
      earned: [],
      subscribers_start: null,
      subscribers_end: null,
    });
  });

  it('answers an advertiser key, or another workspace’s channel, as a missing channel', async () => {
    const missing = randomUUID();
    const days = ['2032-04-30', '2032-05-02'] as const;
    expectSameNotFound(
      await channelStats(advertiser.key, channel.id, ...days),
      await channelStats(advertiser.key, missing, ...days),
    );
    const other = await world.ownerKey();
    expectSameNotFound(
      await channelStats(other.key, channel.id, ...days),
      await channelStats(other.key, missing, ...days),
    );
  });

  it('refuses a range longer than 366 days', async () => {
    const answer = await channelStats(owner.key, channel.id, '2031-01-01', '2032-01-02');
    expect(answer.status).toBe(400);
  });
});

describe('GET /v1/orders/{id}/stats', () => {
  it('shows both sides the posts, clicks and spend; only the owner its earnings', async () => {
    const shared = {
      order_id: served.orderId,
      currency: 'RUB',
      placements: 2,
      publications: 1,
      clicks: 3,
      unique_clicks: 2,
      spent: 100_000,
    };
    const ownerSide = await orderStats(owner.key, served.orderId);
    expect(ownerSide.status).toBe(200);
    expect(ownerSide.body).toEqual({ ...shared, earned: [{ currency: 'RUB', amount: 80_000 }] });
    expect((await orderStats(advertiser.key, served.orderId)).body).toEqual(shared);
  });

  it('has nothing yet for an order not paid', async () => {
    expect((await orderStats(owner.key, held.orderId)).body).toMatchObject({
      placements: 0,
      publications: 0,
      clicks: 0,
      spent: 0,
      earned: [],
    });
  });

  it('answers another tenant’s order exactly as a missing one', async () => {
    const missing = randomUUID();
    const stranger = await world.advertiserKey();
    expectSameNotFound(
      await orderStats(stranger.key, served.orderId),
      await orderStats(stranger.key, missing),
    );
    const other = await world.ownerKey();
    expectSameNotFound(
      await orderStats(other.key, served.orderId),
      await orderStats(other.key, missing),
    );
  });
});
