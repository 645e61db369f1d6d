import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { orderItems, orders, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';

let database: Database;
const clock = createTestClock();
const hour = 3_600_000;
const base = Math.ceil((Date.now() + 24 * hour) / hour) * hour;
const at = (hours: number) => new Date(base + hours * hour);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('holdSlot', () => {
  it('holds a slot, prices the order and applies the bundle discount from minSlots', async () => {
    const seller = await makeChannel(database, {
      slots: [at(0), at(3), at(6)],
      settings: {
        bundleDiscount: { minSlots: 2, percent: 10 },
      },
    });
    const advertiser = (await makeAccount(database)).id;
    const first = await holdSlot(
      database,
      { accountId: advertiser, channelId: seller.id, startsAt: at(0), format: '1/24' },
      clock,
    );
    if (!first.ok) throw new Error(first.code);
    const second = await holdSlot(
      database,
      {
        accountId: advertiser,
        channelId: seller.id,
        startsAt: at(3),
        format: '2/48',
        bundleId: first.value.bundleId,
      },
      clock,
    );
    expect(second).toMatchObject({ ok: true, value: { orderId: first.value.orderId } });
    const [order] = await database.withScope({ accountId: advertiser }, (tx) =>
      tx.select().from(orders).where(eq(orders.id, first.value.orderId)),
    );
    expect(order).toMatchObject({
      status: 'held',
      subtotal: 250_000,
      discount: 25_000,
      total: 225_000,
    });
    expect(order?.holdExpiresAt?.getTime()).toBe(first.value.holdExpiresAt.getTime());
  });

  it('refuses bad requests with codes and changes nothing', async () => {
    const seller = await makeChannel(database, {
      slots: [at(0), at(2)],
      settings: { leadTimeMinutes: 60 * 30 },
    });
    const whitelisted = await makeChannel(database, {
      slots: [at(0)],
      settings: { whitelistOnly: true },
    });
    const advertiser = (await makeAccount(database)).id;
    const hold = (channelId: string, startsAt: Date, format = '1/24', accountId = advertiser) =>
      holdSlot(database, { accountId, channelId, startsAt, format }, clock);
    expect(await hold(seller.id, at(0), '3/72')).toMatchObject({
      code: 'format_not_offered',
    });
    expect(await hold(seller.id, at(0))).toMatchObject({ code: 'too_soon' });
    expect(await hold(whitelisted.id, at(0))).toMatchObject({ code: 'whitelist_required' });
    expect(await hold(seller.id, at(0), '1/24', seller.ownerAccountId)).toMatchObject({
      code: 'own_channel',
    });
    expect(await hold('00000000-0000-4000-8000-000000000000', at(0))).toMatchObject({
      code: 'channel_not_found',
    });
    const count = await database.withScope({ accountId: advertiser }, (tx) =>
      tx.select().from(orders),
    );
    expect(count).toHaveLength(0);
  });

  it('50 simultaneous holds of one slot: exactly one wins, the rest get nearest free slots', async () => {
    const seller = await makeChannel(database, { slots: [at(0), at(5), at(10), at(15)] });
    const advertisers = await Promise.all(
      Array.from({ length: 50 }, async () => (await makeAccount(database)).id),
    );
    const results = await Promise.all(
      advertisers.map((accountId) =>
        holdSlot(
          database,
          { accountId, channelId: seller.id, startsAt: at(5), format: '1/24' },
          clock,
        ),
      ),
    );
    const wins = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const r of losers) {
      expect(r).toMatchObject({ code: 'slot_taken' });
      const nearest = (r as { detail?: { nearest?: string[] } }).detail?.nearest ?? [];
      expect(nearest.length).toBeGreaterThan(0);
      expect(nearest).not.toContain(at(5).toISOString());
    }
    const held = await database.withScope({ workspaceId: seller.workspaceId }, (tx) =>
      tx.select().from(slots).where(eq(slots.status, 'held')),
    );
    expect(held).toHaveLength(1);
    const items = await database.withScope({ workspaceId: seller.workspaceId }, (tx) =>
      tx.select().from(orderItems),
    );
    expect(items).toHaveLength(1);
  });
});
