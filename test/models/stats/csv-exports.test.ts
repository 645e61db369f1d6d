import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollups } from '../../../models/analytics/rollups.js';
import { ensureClickLinks } from '../../../models/clicks/codes.js';
import { recordClick } from '../../../models/clicks/record-click.js';
import type { Database } from '../../../models/db.js';
import { ensureEventPartitions } from '../../../models/events/ensure-partitions.js';
import type { Currency } from '../../../models/orders/table.js';
import type { PayoutStatus } from '../../../models/payouts/table.js';
import { payouts, workspaces } from '../../../models/schema.js';
import type { CsvExportKind } from '../../../models/stats/csv-export-rows.js';
import { readCsvExport, type CsvExport } from '../../../models/stats/csv-exports.js';
import type { DashboardPeriod } from '../../../models/stats/owner-dashboard.js';
import { readOwnerDashboard } from '../../../models/stats/owner-dashboard.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel, makeOwnChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { createTestDatabase } from '../../helpers/db.js';

// Now: 2032-05-10 09:00 UTC; 30 days back is 10 April 09:00, 7 days back 3 May 09:00.
const utc = (iso: string) => new Date(`${iso}Z`);
const now = utc('2032-05-10T09:00:00');
let database: Database;
let owner: string;
let coffee: MadeChannel;
let tea: MadeChannel;
let first: ServedOrder;
let second: ServedOrder;
let early: MadeOrder;
const payoutIds: Record<string, string> = {};

async function setPlan(workspaceId: string, plan: 'free' | 'pro', planExpiresAt: Date | null) {
  await database.withSystem('test: plan', (tx) =>
    tx.update(workspaces).set({ plan, planExpiresAt }).where(eq(workspaces.id, workspaceId)),
  );
}

async function addPayout(
  workspaceId: string,
  accountId: string,
  p: {
    at: string;
    status: PayoutStatus;
    amount: number;
    currency: Currency;
    method: string | null;
  },
) {
  const decided = p.status === 'requested' ? null : utc(p.at).getTime() + 2 * 3_600_000;
  const [row] = await database.withSystem('test: payout', (tx) =>
    tx
      .insert(payouts)
      .values({
        workspaceId,
        requestedByAccountId: accountId,
        amount: p.amount,
        currency: p.currency,
        status: p.status,
        method: p.method,
        decidedAt: decided ? new Date(decided) : null,
        paidAt: p.status === 'paid' ? new Date(decided! + 3_600_000) : null,
        createdAt: utc(p.at),
      })
      .returning({ id: payouts.id }),
  );
  return row!.id;
}

const read = async (kind: CsvExportKind, days: DashboardPeriod, channelId: string | null) => {
  const result = await readCsvExport(database, { accountId: owner, kind, days, channelId, now });
  if (!result.ok) throw new Error(result.code);
  return result.value;
};
const ids = (data: CsvExport) => data.rows.map((r) => ('id' in r ? r.id : r.day));

beforeAll(async () => {
  database = await createTestDatabase();
  owner = (await makeAccount(database, { firstName: 'Olga' })).id;
  coffee = await makeOwnChannel(database, owner, { title: 'Coffee' });
  tea = await makeOwnChannel(database, owner, { title: 'Tea' });
  await setPlan(coffee.workspaceId, 'pro', null);
  const alex = (await makeAccount(database, { firstName: 'Алекс', username: 'alex_ads' })).id;
  const bea = (await makeAccount(database, { firstName: 'Bea' })).id;
  // Made on 1 April (before the period) for a slot on 20 April (in it): in the 30 days.
  early = await makeOrder(database, {
    channel: coffee,
    advertiser: bea,
    status: 'scheduled',
    at: utc('2032-04-01T09:00:00'),
    firstSlotAt: utc('2032-04-20T09:00:00'),
    currency: 'XTR',
    price: 1_540,
    payment: { currency: 'XTR', amount: 1_540 },
  });
  // Made on 9 May (in the period) for a slot on 12 May (after now): in no period.
  await makeOrder(database, {
    channel: coffee,
    advertiser: bea,
    status: 'scheduled',
    at: utc('2032-05-09T09:00:00'),
    firstSlotAt: utc('2032-05-12T09:00:00'),
  });
  // Long before: slot on 2 March.
  await makeOrder(database, {
    channel: tea,
    advertiser: bea,
    status: 'completed',
    at: utc('2032-03-01T09:00:00'),
    firstSlotAt: utc('2032-03-02T09:00:00'),
  });
  // Alex: two posts of 1 000 ₽ on Coffee (30 April, kept; 1 May, never posted).
  first = await makeServedOrder(database, {
    base: utc('2032-04-30T09:00:00'),
    amount: 200_000,
    currency: 'RUB',
    channel: coffee,
    advertiser: alex,
    placements: [{}, { publishedAfterHours: null }],
  });
  // Bea: one post of 500 ₽ on Tea on 1 May at noon.
  second = await makeServedOrder(database, {
    base: utc('2032-05-01T12:00:00'),
    amount: 50_000,
    currency: 'RUB',
    channel: tea,
    advertiser: bea,
    placements: [{ price: 50_000 }],
  });
  // Alex's kept post: three clicks by two visitors (two Moscow days), rolled up.
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
  ] as const)
    await recordClick(
      database,
      { code: code!, visitorKey: visitor, userAgent: 'Mozilla/5.0 Firefox/140.0' },
      { now: () => utc(at), offsetMs: () => 0 },
    );
  await runRollups(database, { settleMs: 0 });
  // Payouts: 1 March (before), 5 May paid, 9 May still requested; another workspace's on 6 May.
  const ws = coffee.workspaceId;
  const money = { amount: 120_000, currency: 'RUB' as const, method: 'card' };
  payoutIds.march = await addPayout(ws, owner, {
    at: '2032-03-01T09:00:00',
    status: 'rejected',
    ...money,
  });
  payoutIds.paid = await addPayout(ws, owner, {
    at: '2032-05-05T10:00:00',
    status: 'paid',
    ...money,
  });
  payoutIds.open = await addPayout(ws, owner, {
    at: '2032-05-09T10:00:00',
    status: 'requested',
    amount: 1_000,
    currency: 'XTR',
    method: null,
  });
  const stranger = await makeChannel(database, { title: 'Elsewhere' });
  await setPlan(stranger.workspaceId, 'pro', null);
  await addPayout(stranger.workspaceId, stranger.ownerAccountId, {
    at: '2032-05-06T10:00:00',
    status: 'requested',
    ...money,
  });
});
afterAll(async () => {
  await database?.close();
});

describe('the CSV exports of the owner dashboard', () => {
  it('orders: those with a slot starting in the period, whole, with the advertiser', async () => {
    const month = await read('orders', 30, null);
    expect(month).toMatchObject({
      kind: 'orders',
      days: 30,
      timezone: 'Europe/Moscow',
      channel: null,
    });
    expect(month.rows).toEqual([
      {
        id: early.orderId,
        createdAt: utc('2032-04-01T09:00:00'),
        status: 'scheduled',
        advertiserName: 'Bea',
        advertiserUsername: null,
        channels: ['Coffee'],
        items: 1,
        currency: 'XTR',
        total: 1_540,
        refunded: 0,
        paidAt: utc('2032-04-01T09:00:00'),
      },
      {
        id: first.orderId,
        createdAt: utc('2032-04-30T09:00:00'),
        status: 'published',
        advertiserName: 'Алекс',
        advertiserUsername: 'alex_ads',
        channels: ['Coffee'],
        items: 2,
        currency: 'RUB',
        total: 200_000,
        refunded: 0,
        paidAt: utc('2032-04-30T09:00:00'),
      },
      expect.objectContaining({ id: second.orderId, channels: ['Tea'], total: 50_000 }),
    ]);
    expect(ids(await read('orders', 30, tea.id))).toEqual([second.orderId]);
    expect(ids(await read('orders', 7, null))).toEqual([]);
  });

  it('placements: due in the period on the shown channels, with their counters', async () => {
    const month = await read('placements', 30, null);
    expect(month.rows).toEqual([
      {
        id: first.placementIds[0],
        orderId: first.orderId,
        channel: 'Coffee',
        format: '1/24',
        variantIndex: 0,
        dueAt: utc('2032-04-30T09:00:00'),
        publishedAt: utc('2032-04-30T09:00:00'),
        status: 'completed',
        clicks: 3,
        uniqueClicks: 2,
        joins: 0,
        leaves: 0,
        reactions: 0,
      },
      expect.objectContaining({
        id: first.placementIds[1],
        dueAt: utc('2032-05-01T09:00:00'),
        publishedAt: null,
        status: 'failed',
        clicks: 0,
      }),
      expect.objectContaining({ id: second.placementIds[0], channel: 'Tea' }),
    ]);
    expect(ids(await read('placements', 30, coffee.id))).toEqual(first.placementIds);
    expect(ids(await read('placements', 7, null))).toEqual([]);
  });

  it('payouts: the workspace’s requested in the period, whichever channel is shown', async () => {
    const month = await read('payouts', 30, null);
    expect(month.rows).toEqual([
      {
        id: payoutIds.paid,
        requestedAt: utc('2032-05-05T10:00:00'),
        status: 'paid',
        currency: 'RUB',
        amount: 120_000,
        method: 'card',
        decidedAt: utc('2032-05-05T12:00:00'),
        paidAt: utc('2032-05-05T13:00:00'),
      },
      {
        id: payoutIds.open,
        requestedAt: utc('2032-05-09T10:00:00'),
        status: 'requested',
        currency: 'XTR',
        amount: 1_000,
        method: null,
        decidedAt: null,
        paidAt: null,
      },
    ]);
    expect(ids(await read('payouts', 7, tea.id))).toEqual([payoutIds.paid, payoutIds.open]);
  });

  it('daily: the day rollups summed per channel and its local day', async () => {
    expect((await read('daily', 30, null)).rows).toEqual([
      { channel: 'Coffee', day: '2032-04-30', clicks: 2, uniqueClicks: 1, joins: 0, leaves: 0 },
      { channel: 'Coffee', day: '2032-05-01', clicks: 1, uniqueClicks: 1, joins: 0, leaves: 0 },
    ]);
    expect((await read('daily', 30, tea.id)).rows).toEqual([]);
    expect((await read('daily', 7, null)).rows).toEqual([]);
  });

  it('refuses Free (and an ended Pro), an account without a workspace and another owner’s channel', async () => {
    const view = { days: 30 as const, channelId: null, now };
    const orders = { ...view, kind: 'orders' as const };
    const dashboard = await readOwnerDashboard(database, { ...view, accountId: owner });
    expect(dashboard.ok && dashboard.value.plan).toBe('pro');
    await setPlan(coffee.workspaceId, 'pro', utc('2032-05-10T08:59:00'));
    try {
      expect(await readCsvExport(database, { ...orders, accountId: owner })).toEqual({
        ok: false,
        code: 'not_pro',
      });
      const ended = await readOwnerDashboard(database, { ...view, accountId: owner });
      expect(ended.ok && ended.value.plan).toBe('free');
    } finally {
      await setPlan(coffee.workspaceId, 'pro', null);
    }
    const free = await makeChannel(database, { title: 'Free' });
    expect(await readCsvExport(database, { ...orders, accountId: free.ownerAccountId })).toEqual({
      ok: false,
      code: 'not_pro',
    });
    const nobody = (await makeAccount(database)).id;
    expect(await readCsvExport(database, { ...orders, accountId: nobody })).toEqual({
      ok: false,
      code: 'no_workspace',
    });
    const elsewhere = await makeChannel(database, { title: 'Not hers' });
    expect(
      await readCsvExport(database, { ...orders, accountId: owner, channelId: elsewhere.id }),
    ).toEqual({ ok: false, code: 'unknown_channel' });
  });
});
