import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollups } from '../../../models/analytics/rollups.js';
import { channelLocalDay, recordMemberCount } from '../../../models/channels/member-counts.js';
import { ensureClickLinks } from '../../../models/clicks/codes.js';
import { recordClick } from '../../../models/clicks/record-click.js';
import type { Database } from '../../../models/db.js';
import { ensureEventPartitions } from '../../../models/events/ensure-partitions.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { readOwnerDashboard } from '../../../models/stats/owner-dashboard.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel, makeOwnChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

// Now: 2032-05-10 09:00 UTC. Two channels of one owner; settlements on 2 and 3 May.
const utc = (iso: string) => new Date(`${iso}Z`);
const now = utc('2032-05-10T09:00:00');
let database: Database;
let owner: string;
let coffee: MadeChannel;
let tea: MadeChannel;
let alex: string;
let bea: string;
let first: ServedOrder;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = (await makeAccount(database, { firstName: 'Olga' })).id;
  coffee = await makeOwnChannel(database, owner, { title: 'Coffee' });
  tea = await makeOwnChannel(database, owner, { title: 'Tea' });
  alex = (await makeAccount(database, { firstName: 'Alex', username: 'alex_ads' })).id;
  bea = (await makeAccount(database, { firstName: 'Bea' })).id;
  // Alex: two posts of 1 000 ₽ on Coffee paid 2 000 ₽, one kept, one never posted: settled on
  // 2 May, 1 000 ₽ back, 800 ₽ to the owner, 200 ₽ fee.
  first = await makeServedOrder(database, {
    base: utc('2032-04-30T09:00:00'),
    amount: 200_000,
    currency: 'RUB',
    channel: coffee,
    advertiser: alex,
    placements: [{}, { publishedAfterHours: null }],
  });
  // Bea: one post of 500 ₽ on Tea, kept: 400 ₽ to the owner, 100 ₽ fee.
  const second = await makeServedOrder(database, {
    base: utc('2032-05-01T09:00:00'),
    amount: 50_000,
    currency: 'RUB',
    channel: tea,
    advertiser: bea,
    placements: [{ price: 50_000 }],
  });
  for (const [id, at] of [
    [first.placementIds[0]!, '2032-05-02T09:00:00'],
    [first.placementIds[1]!, '2032-05-02T09:00:00'],
    [second.placementIds[0]!, '2032-05-03T09:00:00'],
  ] as const)
    expect((await settlePlacement(database, id, utc(at))).ok).toBe(true);
  // A held order (not sold) on Coffee, and a free slot: offered, not sold.
  await makeOrder(database, { channel: coffee, advertiser: bea, at: utc('2032-05-05T09:00:00') });
  // Alex's kept post on Coffee: three clicks by two visitors, rolled up.
  await database.withSystem('test: event partitions', (tx) =>
    ensureEventPartitions(tx, utc('2032-04-01T00:00:00')),
  );
  const [code] = await database.withScope({ workspaceId: coffee.workspaceId }, (tx) =>
    ensureClickLinks(tx, {
      placementId: first.placementIds[0]!,
      workspaceId: coffee.workspaceId,
      targets: ['https://example.com/coffee'],
    }),
  );
  for (const [visitor, at] of [
    ['one', '2032-04-30T10:00:00'],
    ['one', '2032-04-30T11:00:00'],
    ['two', '2032-05-01T10:00:00'],
  ] as const) {
    const click = await recordClick(
      database,
      { code: code!, visitorKey: visitor, userAgent: 'Mozilla/5.0 Firefox/140.0' },
      { now: () => utc(at), offsetMs: () => 0 },
    );
    expect(click).toMatchObject({ kind: 'redirect', counted: true });
  }
  await runRollups(database, { settleMs: 0 });
  // Coffee measured 1 000 on 20 April and 1 040 on 9 May (Moscow days).
  for (const [count, at] of [
    [1_000, '2032-04-20T09:00:00'],
    [1_040, '2032-05-09T09:00:00'],
  ] as const)
    await database.withScope({ workspaceId: coffee.workspaceId }, (tx) =>
      recordMemberCount(tx, {
        channelId: coffee.id,
        workspaceId: coffee.workspaceId,
        count,
        day: channelLocalDay(coffee.settings.timezone, utc(at)),
        at: utc(at),
      }),
    );
});
afterAll(async () => {
  await database?.close();
});

describe('the owner dashboard', () => {
  it('all channels over 30 days: revenue, fill, prices, advertisers, clicks, growth, daily', async () => {
    const result = await readOwnerDashboard(database, {
      accountId: owner,
      days: 30,
      channelId: null,
      now,
    });
    if (!result.ok) throw new Error(result.code);
    const view = result.value;
    expect(view.channels.map((c) => c.title)).toEqual(['Coffee', 'Tea']);
    expect(view.revenue).toEqual([{ currency: 'RUB', gross: 150_000, net: 120_000 }]);
    // Sold: Alex's two slots and Bea's one on Tea; offered besides: the held order's slot.
    expect(view.fill).toEqual({ sold: 3, offered: 4, percent: 75 });
    expect(view.averagePrices).toEqual([
      { format: '1/24', currency: 'RUB', average: 83_333, count: 3 },
    ]);
    expect(view.topAdvertisers).toEqual([
      {
        accountId: alex,
        name: 'Alex',
        username: 'alex_ads',
        orders: 1,
        spent: [{ currency: 'RUB', amount: 200_000 }],
      },
      {
        accountId: bea,
        name: 'Bea',
        username: null,
        orders: 1,
        spent: [{ currency: 'RUB', amount: 50_000 }],
      },
    ]);
    expect(view.totals).toEqual({ clicks: 3, uniqueClicks: 2, joins: 0, leaves: 0 });
    expect(view.placements).toEqual([
      expect.objectContaining({
        id: first.placementIds[0],
        channelTitle: 'Coffee',
        clicks: 3,
        uniqueClicks: 2,
        joins: 0,
        leftWithinDay: 0,
      }),
    ]);
    expect(view.growth).toEqual([
      expect.objectContaining({ title: 'Coffee', growth: expect.objectContaining({ change: 40 }) }),
    ]);
    // Moscow days: 30 April (2 clicks, 1 unique) and 1 May (1 click).
    expect(view.daily.map((d) => [d.day, d.clicks, d.uniqueClicks])).toEqual([
      ['2032-04-30', 2, 1],
      ['2032-05-01', 1, 1],
    ]);
  });

  it('one channel: only its part; 7 days: only what falls in them', async () => {
    const teaOnly = await readOwnerDashboard(database, {
      accountId: owner,
      days: 30,
      channelId: tea.id,
      now,
    });
    if (!teaOnly.ok) throw new Error(teaOnly.code);
    expect(teaOnly.value.revenue).toEqual([{ currency: 'RUB', gross: 50_000, net: 40_000 }]);
    expect(teaOnly.value.fill).toEqual({ sold: 1, offered: 1, percent: 100 });
    expect(teaOnly.value.topAdvertisers.map((a) => a.name)).toEqual(['Bea']);
    expect(teaOnly.value.totals.clicks).toBe(0);
    expect(teaOnly.value.daily).toEqual([]);
    const week = await readOwnerDashboard(database, {
      accountId: owner,
      days: 7,
      channelId: null,
      now,
    });
    if (!week.ok) throw new Error(week.code);
    // From 3 May 09:00: Bea's settlement at that minute counts, Alex's of 2 May does not; no
    // sold slot starts, no click; the held order's slot is offered.
    expect(week.value.revenue).toEqual([{ currency: 'RUB', gross: 50_000, net: 40_000 }]);
    expect(week.value.fill).toEqual({ sold: 0, offered: 1, percent: 0 });
    expect(week.value.averagePrices).toEqual([]);
    expect(week.value.placements).toEqual([]);
  });

  it('refuses an account without a workspace and a channel of another owner', async () => {
    expect(
      await readOwnerDashboard(database, { accountId: alex, days: 30, channelId: null, now }),
    ).toEqual({ ok: false, code: 'no_workspace' });
    const stranger = await makeChannel(database, { title: 'Elsewhere' });
    expect(
      await readOwnerDashboard(database, {
        accountId: owner,
        days: 30,
        channelId: stranger.id,
        now,
      }),
    ).toEqual({ ok: false, code: 'unknown_channel' });
  });
});
