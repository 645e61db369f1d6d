import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { cancelHeldBundle } from '../../../models/orders/cancel-held-bundle.js';
import { expireHolds } from '../../../models/orders/expire-holds.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { readBundle } from '../../../models/orders/read-bundle.js';
import { removeHeldItem } from '../../../models/orders/remove-held-item.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { orders, slots } from '../../../models/schema.js';
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

async function bundleOfThree() {
  const a = await makeChannel(database, {
    slots: [at(0), at(3)],
    settings: {
      bundleDiscount: { minSlots: 2, percent: 20 },
    },
  });
  const b = await makeChannel(database, { slots: [at(1)], title: 'Other' });
  const advertiser = (await makeAccount(database)).id;
  const hold = async (channelId: string, startsAt: Date, bundleId?: string) => {
    const r = await holdSlot(
      database,
      {
        accountId: advertiser,
        channelId,
        startsAt,
        format: '1/24',
        ...(bundleId ? { bundleId } : {}),
      },
      clock,
    );
    if (!r.ok) throw new Error(r.code);
    return r.value;
  };
  const first = await hold(a.id, at(0));
  await hold(a.id, at(3), first.bundleId);
  await hold(b.id, at(1), first.bundleId);
  return { a, b, advertiser, bundleId: first.bundleId };
}

const freeCount = async (workspaceId: string) =>
  (
    await database.withScope({ workspaceId }, (tx) =>
      tx.select().from(slots).where(eq(slots.status, 'free')),
    )
  ).length;

describe('bundle changes', () => {
  it('reads a two-workspace bundle with the discount, removes an item and reprices', async () => {
    const { a, advertiser, bundleId } = await bundleOfThree();
    const cart = await readBundle(database, advertiser, bundleId);
    expect(cart).toHaveLength(2);
    expect(cart[0]).toMatchObject({ subtotal: 200_000, discount: 40_000, total: 160_000 });
    expect(cart[0]?.items.map((i) => i.discount)).toEqual([20_000, 20_000]);
    expect(cart[1]).toMatchObject({ subtotal: 100_000, discount: 0, total: 100_000 });
    const removed = await removeHeldItem(
      database,
      { accountId: advertiser, itemId: cart[0]?.items[1]?.itemId ?? '' },
      clock,
    );
    expect(removed).toMatchObject({ ok: true, value: { orderCancelled: false } });
    const after = await readBundle(database, advertiser, bundleId);
    expect(after[0]).toMatchObject({ subtotal: 100_000, discount: 0, total: 100_000 });
    expect(await freeCount(a.workspaceId)).toBe(1);
    const stranger = (await makeAccount(database)).id;
    expect(
      await removeHeldItem(
        database,
        { accountId: stranger, itemId: cart[0]?.items[0]?.itemId ?? '' },
        clock,
      ),
    ).toEqual({ ok: false, code: 'not_found' });
  });

  it('cancels a whole bundle and frees every slot', async () => {
    const { a, b, advertiser, bundleId } = await bundleOfThree();
    expect(await cancelHeldBundle(database, { accountId: advertiser, bundleId }, clock)).toEqual({
      ok: true,
      value: { cancelled: 2 },
    });
    expect(await freeCount(a.workspaceId)).toBe(2);
    expect(await freeCount(b.workspaceId)).toBe(1);
    expect(await readBundle(database, advertiser, bundleId)).toEqual([]);
  });

  it('expires held orders at once and awaiting_payment ones after a 2-minute grace', async () => {
    const { a, advertiser, bundleId } = await bundleOfThree();
    const cart = await readBundle(database, advertiser, bundleId);
    const paying = cart[0]?.orderId ?? '';
    await database.withScope({ workspaceId: a.workspaceId, accountId: advertiser }, (tx) =>
      transitionOrder(tx, {
        orderId: paying,
        from: ['held'],
        to: 'awaiting_payment',
        actor: 'system:test',
        at: clock.now(),
      }),
    );
    const expiry = cart[0]?.holdExpiresAt?.getTime() ?? 0;
    const first = await expireHolds(database, new Date(expiry + 60_000));
    const mine = (list: { bundleId: string | null; orderId: string }[]) =>
      list.filter((e) => e.bundleId === bundleId).map((e) => e.orderId);
    expect(mine(first)).toEqual([cart[1]?.orderId]);
    const second = await expireHolds(database, new Date(expiry + 3 * 60_000));
    expect(mine(second)).toEqual([paying]);
    const statuses = await database.withScope({ accountId: advertiser }, (tx) =>
      tx.select({ status: orders.status }).from(orders).where(eq(orders.bundleId, bundleId)),
    );
    expect(statuses.map((s) => s.status)).toEqual(['expired', 'expired']);
    expect(await freeCount(a.workspaceId)).toBe(2);
  });
});
