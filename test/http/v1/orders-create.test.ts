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

describe('POST /v1/orders', () => {
  it('books in one request; paying the Stars link in the emulator records the payment as the bot does', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([26, 50]);
    const created = await world.post('/v1/orders', advertiser.key, orderBody(channel));
    expect(created.status).toBe(201);
    const order = created.body as OrderBody;
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      currency: 'USD',
      total: 2_000,
      items: channel.startsAt.map((at) => ({
        channel_id: channel.id,
        starts_at: at.toISOString(),
        format: '1/24',
        price: 1_000,
      })),
      payment: { method: 'stars', currency: 'XTR' },
    });
    expect(order.hold_expires_at).not.toBeNull();
    expect(order.payment?.url).toMatch(/^https:\/\/t\.me\/\$/);
    expect(await world.ordersOf(advertiser.accountId)).toEqual([
      { id: order.id, status: 'awaiting_payment', items: 2, heldSlots: 2, payments: 1 },
    ]);

    const paid = await advertiser.user.pay({ link: order.payment!.url! });
    expect(paid.ok).toBe(true);
    await advertiser.user.waitForMessage(/Payment received/);
    const [after] = await world.ordersOf(advertiser.accountId);
    expect(after).toMatchObject({ status: 'in_review', heldSlots: 2 });
  });

  it('a taken slot is a 409 with the nearest free times, and nothing of the request stays held', async () => {
    const first = await world.advertiser();
    const second = await world.advertiser();
    const channel = await world.channel([30, 31, 32]);
    const taken = { id: channel.id, startsAt: [channel.startsAt[1]!] };
    expect((await world.post('/v1/orders', first.key, orderBody(taken))).status).toBe(201);

    const answer = await world.post('/v1/orders', second.key, orderBody(channel));
    expect(answer.status).toBe(409);
    const problem = answer.body as Problem;
    expect(problem.type).toBe('https://lytslot.dev/problems/slot-unavailable');
    expect(problem.errors?.[0]?.path).toEqual(['body', 'items', 1, 'starts_at']);
    expect(problem.nearest_starts_at).toEqual([
      channel.startsAt[0]!.toISOString(),
      channel.startsAt[2]!.toISOString(),
    ]);
    // All or none: the first item's slot is free again (no half-held order).
    expect(await world.ordersOf(second.accountId)).toEqual([]);
  });

  it('refuses content, unknown channels, bad HTML, missing marking, an unavailable method and owner keys', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([40], { stopWords: ['casino'] });
    const refused = await world.post('/v1/orders', advertiser.key, {
      ...orderBody(channel),
      creative: { text: 'Best <i>casino</i> in town' },
    });
    expect(refused.status).toBe(422);
    expect((refused.body as Problem).type).toMatch(/content-refused$/);
    expect((refused.body as Problem).detail).toContain('"casino"');

    const unknown = await world.post(
      '/v1/orders',
      advertiser.key,
      orderBody({ id: '00000000-0000-4000-8000-000000000000', startsAt: channel.startsAt }),
    );
    expect(unknown.status).toBe(404);

    const badHtml = await world.post('/v1/orders', advertiser.key, {
      ...orderBody(channel),
      creative: { text: '<b>open' },
    });
    expect(badHtml.status).toBe(400);
    expect((badHtml.body as Problem).errors?.[0]?.path).toEqual(['body', 'creative', 'text']);

    const marked = await world.channel([41], { requiresMarking: true });
    const unmarked = await world.post('/v1/orders', advertiser.key, orderBody(marked));
    expect(unmarked.status).toBe(400);
    expect((unmarked.body as Problem).errors?.[0]?.path).toEqual(['body', 'marking']);
    const withMarking = await world.post('/v1/orders', advertiser.key, {
      ...orderBody(marked),
      marking: { name: 'ООО Ромашка', inn: '7707083893', erid: 'Kra23f4dE' },
    });
    expect(withMarking.status).toBe(201);

    const stripe = await world.post('/v1/orders', advertiser.key, {
      ...orderBody(channel),
      payment_method: 'stripe',
    });
    expect(stripe.status).toBe(422);
    expect((stripe.body as Problem).type).toMatch(/method-unavailable$/);

    const owner = await world.api.ownerKey();
    const forbidden = await world.post('/v1/orders', owner.key, orderBody(channel));
    expect(forbidden.status).toBe(403);
    expect(await world.ordersOf(advertiser.accountId)).toHaveLength(1);
  });
});
