import { randomUUID } from 'node:crypto';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../http/v1/pagination.js';
import type { Problem } from '../../../http/v1/problems.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel, type MadeChannel } from '../../factories/channels.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';
import { starsFor } from '../../factories/payments.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import { openExternalPayment } from '../../helpers/pay-order.js';
import { expectSameNotFound } from './isolation.js';
import { startV1World, type V1World } from './world.js';

type Order = Record<string, unknown> & { id: string; status: string };
type Page = { data: Order[]; next_cursor: string | null };
type Placement = Record<string, unknown> & { id: string };

const hour = 3_600_000;
const day = 24 * hour;
let world: V1World;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;
let advertiser: Awaited<ReturnType<V1World['advertiserKey']>>;
let channel: MadeChannel;
let foreignChannel: MadeChannel;
const made: Record<string, MadeOrder> = {};
let served: ServedOrder;

beforeAll(async () => {
  world = await startV1World();
  [owner, advertiser] = await Promise.all([world.ownerKey(), world.advertiserKey()]);
  const now = world.clock.now().getTime();
  const ago = (days: number) => new Date(now - days * day);
  channel = await makeChannel(world.database, { workspaceId: owner.workspaceId });
  foreignChannel = await makeChannel(world.database);
  const stranger = (await makeAccount(world.database)).id;
  const mine = { advertiser: advertiser.accountId };
  made.completed = await makeOrder(world.database, {
    ...mine,
    channel,
    status: 'completed',
    at: ago(5),
  });
  made.strangers = await makeOrder(world.database, {
    advertiser: stranger,
    channel,
    status: 'paid',
    at: ago(4),
    items: [{ format: '1/24' }, { format: '2/48', price: 150_000 }],
  });
  made.elsewhere = await makeOrder(world.database, {
    ...mine,
    channel: foreignChannel,
    status: 'scheduled',
    at: ago(3),
  });
  await makeOrder(world.database, { advertiser: stranger, channel: foreignChannel, at: ago(2) });
  made.held = await makeOrder(world.database, { ...mine, channel, at: world.clock.now() });
  await openExternalPayment(world.database, world.clock, {
    accountId: advertiser.accountId,
    workspaceId: owner.workspaceId,
    orderId: made.held.orderId,
    provider: 'yookassa',
  });
  served = await makeServedOrder(world.database, {
    base: ago(10),
    amount: 200_000,
    currency: 'RUB',
    channel,
    advertiser: advertiser.accountId,
    placements: [
      {
        format: '1/24',
        violations: [
          {
            kind: 'top',
            at: ago(10).toISOString(),
            from: ago(10).toISOString(),
            until: new Date(ago(10).getTime() + hour / 2).toISOString(),
            messageId: 7,
          },
        ],
      },
      { format: '1/24', publishedAfterHours: null },
    ],
  });
  for (const id of served.placementIds) await settlePlacement(world.database, id, ago(8));
});
afterAll(async () => {
  await world?.close();
});

const list = async (key: string, query: Record<string, string | number> = {}) => {
  const answer = await world.call({ path: '/v1/orders', key, query });
  expect(answer.status).toBe(200);
  return answer.body as Page;
};
const read = (key: string, id: string) =>
  world.call({ path: '/v1/orders/{id}', params: { id }, key });

describe('GET /v1/orders', () => {
  it('lists the workspace’s orders, newest first, for an owner key', async () => {
    const page = await list(owner.key);
    expect(page.data.map((o) => o.id)).toEqual([
      made.held!.orderId,
      made.strangers!.orderId,
      made.completed!.orderId,
      served.orderId,
    ]);
    expect(page.next_cursor).toBeNull();
  });

  it('lists the account’s orders in every workspace for an advertiser key, page by page', async () => {
    const first = await list(advertiser.key, { limit: 2 });
    expect(first.data.map((o) => o.id)).toEqual([made.held!.orderId, made.elsewhere!.orderId]);
    const second = await list(advertiser.key, { limit: 2, cursor: first.next_cursor! });
    expect(second.data.map((o) => o.id)).toEqual([made.completed!.orderId, served.orderId]);
    expect(second.next_cursor).toBeNull();
  });

  it('filters by status', async () => {
    expect((await list(owner.key, { status: 'paid' })).data.map((o) => o.id)).toEqual([
      made.strangers!.orderId,
    ]);
    expect((await list(advertiser.key, { status: 'paid' })).data).toEqual([]);
    const unknown = await world.call({
      path: '/v1/orders',
      key: owner.key,
      query: { status: 'x' },
    });
    expect(unknown.status).toBe(400);
  });

  it('refuses a cursor it did not issue', async () => {
    for (const cursor of ['%%%', encodeCursor({ subscribers: 1, id: randomUUID() })]) {
      const answer = await world.call({ path: '/v1/orders', key: owner.key, query: { cursor } });
      expect(answer.status).toBe(400);
      expect((answer.body as Problem).type).toMatch(/\/invalid-cursor$/);
    }
  });
});

describe('GET /v1/orders/{id}', () => {
  it('shows items, total and the payment; the link only while the order takes payment', async () => {
    const held = await read(advertiser.key, made.held!.orderId);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      id: made.held!.orderId,
      status: 'awaiting_payment',
      total: 100_000,
      currency: 'RUB',
      items: [{ channel_id: channel.id, format: '1/24', price: 100_000 }],
      payment: { method: 'yookassa', amount: 100_000, currency: 'RUB' },
    });
    expect((held.body as Order).hold_expires_at).toEqual(expect.any(String));
    expect((held.body as { payment: { url: string } }).payment.url).toMatch(/^https:\/\/pay\./);

    const paid = await read(owner.key, made.strangers!.orderId);
    expect(paid.body).toMatchObject({
      status: 'paid',
      total: 250_000,
      hold_expires_at: null,
      items: [
        { channel_id: channel.id, format: '1/24', price: 100_000 },
        { channel_id: channel.id, format: '2/48', price: 150_000 },
      ],
      payment: { method: 'stars', amount: starsFor(250_000), currency: 'XTR', url: null },
    });
  });

  it('answers another tenant’s order exactly as a missing one', async () => {
    const missing = randomUUID();
    expectSameNotFound(
      await read(owner.key, made.elsewhere!.orderId),
      await read(owner.key, missing),
    );
    expectSameNotFound(
      await read(advertiser.key, made.strangers!.orderId),
      await read(advertiser.key, missing),
    );
    const other = await world.ownerKey();
    expectSameNotFound(
      await read(other.key, made.completed!.orderId),
      await read(other.key, missing),
    );
  });
});

describe('GET /v1/orders/{id}/placements', () => {
  const placements = (key: string, id: string) =>
    world.call({ path: '/v1/orders/{id}/placements', params: { id }, key });

  it('shows each post’s delivery to both sides of the order', async () => {
    const answer = await placements(advertiser.key, served.orderId);
    expect(answer.status).toBe(200);
    const [posted, missed] = (answer.body as { data: Placement[] }).data;
    expect(posted).toMatchObject({
      id: served.placementIds[0],
      channel_id: channel.id,
      format: '1/24',
      status: 'completed',
      delay_seconds: 5,
      post_url: expect.stringMatching(/^https:\/\/t\.me\/c\/\d+\/100$/),
      violations: [{ kind: 'top' }],
      checks: [],
      settled: true,
    });
    expect(posted!.published_at).toBe(posted!.scheduled_at);
    expect(missed).toMatchObject({
      id: served.placementIds[1],
      status: 'failed',
      published_at: null,
      post_url: null,
      violations: [],
      settled: true,
    });
    expect((await placements(owner.key, served.orderId)).body).toEqual(answer.body);
  });

  it('lists none for an order not yet scheduled, and hides other tenants’ orders', async () => {
    const none = await placements(owner.key, made.held!.orderId);
    expect(none.body).toEqual({ data: [] });
    expectSameNotFound(
      await placements(owner.key, made.elsewhere!.orderId),
      await placements(owner.key, randomUUID()),
    );
  });
});

describe('the OpenAPI document with the order, availability and statistics operations', () => {
  it('is valid OpenAPI 3.1 and names their answers', async () => {
    const result = await validate(
      structuredClone(world.document) as unknown as Parameters<typeof validate>[0],
    );
    expect(result.valid ? [] : compileErrors(result), JSON.stringify(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(world.document.components.schemas)).toEqual(
      expect.arrayContaining([
        'Availability',
        'Order',
        'OrderPage',
        'Placement',
        'PlacementList',
        'ChannelStats',
        'OrderStats',
      ]),
    );
  });
});
