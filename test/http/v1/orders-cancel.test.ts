import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderBody } from '../../../http/v1/order-schema.js';
import type { Problem } from '../../../http/v1/problems.js';
import { orderBody, startOrdersWorld, type OrdersWorld } from './orders-world.js';

let world: OrdersWorld;
beforeAll(async () => {
  world = await startOrdersWorld();
});
afterAll(async () => {
  await world?.close();
});

const path = '/v1/orders/{id}/cancel';

async function book(advertiser: { key: string }, hours: number[]) {
  const channel = await world.channel(hours);
  const created = await world.post('/v1/orders', advertiser.key, orderBody(channel));
  expect(created.status).toBe(201);
  return created.body as OrderBody;
}

describe('POST /v1/orders/{id}/cancel', () => {
  it('cancels an unpaid order and frees its slots; a second cancel is a 409', async () => {
    const advertiser = await world.advertiser();
    const order = await book(advertiser, [80, 81]);
    const cancelled = await world.post(path, advertiser.key, {}, undefined, { id: order.id });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      id: order.id,
      status: 'cancelled',
      payment: null,
      hold_expires_at: null,
    });
    expect(await world.ordersOf(advertiser.accountId)).toEqual([
      { id: order.id, status: 'cancelled', items: 2, heldSlots: 0, payments: 1 },
    ]);
    const again = await world.post(path, advertiser.key, {}, undefined, { id: order.id });
    expect(again.status).toBe(409);
    expect((again.body as Problem).type).toMatch(/order-not-cancellable$/);
  });

  it('a paid order in review is cancelled and its Stars refunded in full, as in the bot', async () => {
    const advertiser = await world.advertiser();
    const order = await book(advertiser, [84]);
    const paid = await advertiser.user.pay({ link: order.payment!.url! });
    if (!paid.ok) throw new Error(paid.code);
    await advertiser.user.waitForMessage(/Payment received/);
    const cancelled = await world.post(path, advertiser.key, {}, undefined, { id: order.id });
    expect(cancelled.status).toBe(200);
    const charge = world.checkout.sandbox.emulator.world.charges.get(paid.value.chargeId);
    expect(charge?.refunded).toBe(true);
    const [after] = await world.ordersOf(advertiser.accountId);
    expect(after?.status).toBe('refunded');
  });

  it('another account’s order is not found; owner keys may not cancel', async () => {
    const advertiser = await world.advertiser();
    const stranger = await world.advertiser();
    const order = await book(advertiser, [86]);
    const foreign = await world.post(path, stranger.key, {}, undefined, { id: order.id });
    expect(foreign.status).toBe(404);
    const owner = await world.api.ownerKey();
    const forbidden = await world.post(path, owner.key, {}, undefined, { id: order.id });
    expect(forbidden.status).toBe(403);
    expect((await world.ordersOf(advertiser.accountId))[0]?.status).toBe('awaiting_payment');
  });
});
