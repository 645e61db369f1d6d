import { randomUUID } from 'node:crypto';
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

describe('Idempotency-Key on POST /v1/orders', () => {
  it('is required', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([60]);
    const answer = await world.api.call({
      method: 'post',
      path: '/v1/orders',
      key: advertiser.key,
      body: JSON.stringify(orderBody(channel)),
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Problem).type).toMatch(/idempotency-key-missing$/);
    expect(await world.ordersOf(advertiser.accountId)).toEqual([]);
  });

  it('the same key and body replay the first answer (one order); another body is a 422', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([62]);
    const key = randomUUID();
    const body = orderBody(channel);
    const first = await world.post('/v1/orders', advertiser.key, body, key);
    expect(first.status).toBe(201);
    // Object keys in another order are the same request.
    const reordered = {
      payment_method: body.payment_method,
      creative: body.creative,
      items: body.items,
    };
    const again = await world.post('/v1/orders', advertiser.key, reordered, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await world.post(
      '/v1/orders',
      advertiser.key,
      { ...body, payment_method: 'stripe' },
      key,
    );
    expect(other.status).toBe(422);
    expect((other.body as Problem).type).toMatch(/idempotency-key-reused$/);
    expect(await world.ordersOf(advertiser.accountId)).toHaveLength(1);
  });

  it('concurrent duplicates book one order', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([64, 65]);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        world.post('/v1/orders', advertiser.key, orderBody(channel), key),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(
      answers.filter((a) => a.status === 201).map((a) => (a.body as OrderBody).id),
    );
    expect(ids.size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect((busy.body as Problem).type).toMatch(/idempotency-key-in-use$/);
      expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(await world.ordersOf(advertiser.accountId)).toHaveLength(1);
  });

  it('a link that fails after the order committed: 503, then the retry gets the same order with its link', async () => {
    const advertiser = await world.advertiser();
    const channel = await world.channel([66]);
    const key = randomUUID();
    world.checkout.sandbox.emulator.failNext('createInvoiceLink', 1, 1);
    const failed = await world.post('/v1/orders', advertiser.key, orderBody(channel), key);
    expect(failed.status).toBe(503);
    expect((failed.body as Problem).type).toMatch(/payment-link-unavailable$/);
    const [booked] = await world.ordersOf(advertiser.accountId);
    expect(booked).toMatchObject({ status: 'awaiting_payment', heldSlots: 1 });

    const retry = await world.post('/v1/orders', advertiser.key, orderBody(channel), key);
    expect(retry.status).toBe(201);
    const order = retry.body as OrderBody;
    expect(order.id).toBe(booked?.id);
    expect(order.payment?.url).toMatch(/^https:\/\/t\.me\//);
    // The link is now stored: a later retry replays it as is.
    const later = await world.post('/v1/orders', advertiser.key, orderBody(channel), key);
    expect(later.body).toEqual(order);
    expect(await world.ordersOf(advertiser.accountId)).toHaveLength(1);

    const paid = await advertiser.user.pay({ link: order.payment!.url! });
    expect(paid.ok).toBe(true);
  });

  it('a refusal is stored and replayed too (4xx); keys of one API key are not another’s', async () => {
    const advertiser = await world.advertiser();
    const other = await world.advertiser();
    const channel = await world.channel([68], { stopWords: ['casino'] });
    const key = randomUUID();
    const body = { ...orderBody(channel), creative: { text: 'casino' } };
    const refused = await world.post('/v1/orders', advertiser.key, body, key);
    expect(refused.status).toBe(422);
    const replayed = await world.post('/v1/orders', advertiser.key, body, key);
    expect(replayed.body).toEqual(refused.body);
    const elsewhere = await world.post('/v1/orders', other.key, orderBody(channel), key);
    expect(elsewhere.status).toBe(201);
  });
});
