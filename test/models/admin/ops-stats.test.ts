import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformStats, statsBuckets } from '../../../models/admin/stats.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { postEntries } from '../../../models/ledger/post-entries.js';
import { orders } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { eq } from 'drizzle-orm';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
/** Thursday 2026-11-26 12:00 UTC, fixed. */
const now = new Date('2026-11-26T12:00:00Z');
const clock: Clock = { now: () => now, offsetMs: () => 0 } as Clock;
const day = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('statsBuckets', () => {
  it('ends with the current day, week (Monday) or month, oldest first', () => {
    const days = statsBuckets('day', now);
    expect(days).toHaveLength(14);
    expect(days.at(-1)?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(days[0]?.toISOString()).toBe('2026-11-13T00:00:00.000Z');
    expect(statsBuckets('week', now).at(-1)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    const months = statsBuckets('month', now);
    expect(months.at(-1)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(months[0]?.toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});

describe('platformStats', () => {
  it('GMV per currency per bucket (never added across currencies), revenue from the ledger, refunds and their rate, tops', async () => {
    const slotsAt = Array.from({ length: 5 }, (_, i) => new Date(now.getTime() + (i + 1) * day));
    const big = await makeChannel(database, { slots: slotsAt, title: 'Big' });
    const small = await makeChannel(database, { slots: slotsAt.slice(0, 2), title: 'Small' });
    const alex = (await makeAccount(database)).id;
    const bea = (await makeAccount(database)).id;
    const order = (
      tenant: typeof big,
      slot: number,
      advertiserAccountId: string,
      at: Date,
      extra: { price?: number; currency?: 'RUB' | 'USD' } = {},
    ) =>
      makeOrder(database, {
        channel: tenant,
        slotIds: [tenant.slotIds[slot]!],
        advertiser: advertiserAccountId,
        status: 'completed',
        at,
        payment: { amount: 770 },
        marking: null,
        creative: null,
        ...extra,
      });
    const today = new Date(now.getTime() - 2 * 3_600_000);
    const yesterday = new Date(now.getTime() - day);
    await order(big, 0, alex, today, { price: 100_000 });
    await order(big, 1, alex, yesterday, { price: 50_000 });
    await order(big, 2, bea, yesterday, { price: 2_500, currency: 'USD' });
    const refunded = await order(small, 0, bea, today, { price: 40_000 });
    await order(small, 1, bea, new Date(now.getTime() - 40 * day), { price: 999_999 }); // outside
    await database.withSystem('test seed', async (tx) => {
      await tx
        .update(orders)
        .set({ refundedAmount: 10_000 })
        .where(eq(orders.id, refunded.orderId));
      await postEntries(tx, {
        memo: 'test: fee',
        at: today,
        lines: [
          {
            account: `owner:${big.workspaceId}`,
            amount: 30_000,
            currency: 'RUB',
            workspaceId: big.workspaceId,
          },
          { account: 'platform:fees', amount: -30_000, currency: 'RUB' },
        ],
      });
      await postEntries(tx, {
        memo: 'test: subscription',
        at: yesterday,
        lines: [
          { account: 'provider:stars', amount: 7_700, currency: 'XTR' },
          { account: 'platform:subscriptions', amount: -7_700, currency: 'XTR' },
        ],
      });
    });

    const stats = await platformStats(database, 'day', clock);
    expect(stats.buckets).toHaveLength(14);
    const rub = stats.gmv.find((s) => s.currency === 'RUB');
    const usd = stats.gmv.find((s) => s.currency === 'USD');
    expect(rub?.total).toBe(190_000);
    expect(rub?.values.at(-1)).toBe(140_000);
    expect(rub?.values.at(-2)).toBe(50_000);
    expect(usd).toMatchObject({ total: 2_500 });
    expect(usd?.values.at(-2)).toBe(2_500);
    expect(stats.revenue).toEqual([
      { currency: 'RUB', total: 30_000, values: expect.any(Array) },
      { currency: 'XTR', total: 7_700, values: expect.any(Array) },
    ]);
    expect(stats.refunds).toEqual([{ currency: 'RUB', amount: 10_000, rateBp: 526 }]);
    expect(stats).toMatchObject({ paidOrders: 4, refundedOrders: 1, activeAdvertisers: 2 });
    expect(stats.activeChannels).toBeGreaterThanOrEqual(2);
    expect(stats.topChannels.map((c) => [c.id, c.orders])).toEqual([
      [big.id, 3],
      [small.id, 1],
    ]);
    expect(
      stats.topChannels[0]?.sales.sort((a, b) => a.currency.localeCompare(b.currency)),
    ).toEqual([
      { currency: 'RUB', amount: 150_000 },
      { currency: 'USD', amount: 2_500 },
    ]);
    expect(stats.topAdvertisers.map((a) => [a.accountId, a.orders]).sort()).toEqual(
      [
        [alex, 2],
        [bea, 2],
      ].sort(),
    );
    const beaSpent = stats.topAdvertisers.find((a) => a.accountId === bea)?.spent;
    expect(beaSpent?.sort((a, b) => a.currency.localeCompare(b.currency))).toEqual([
      { currency: 'RUB', amount: 40_000 },
      { currency: 'USD', amount: 2_500 },
    ]);

    const monthly = await platformStats(database, 'month', clock);
    expect(monthly.gmv.find((s) => s.currency === 'RUB')?.total).toBe(190_000 + 999_999);
  });
});
