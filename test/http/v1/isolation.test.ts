import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableAnswer } from './isolation.js';
import { orderBody, startOrdersWorld, type OrdersWorld } from './orders-world.js';
import type { ApiAnswer, ApiCall } from './world.js';

/**
 * Tenant isolation, operation by operation, read from the OpenAPI document: every operation that
 * names a resource by id is called with another tenant's keys — an owner of another workspace and
 * an advertiser who is not party to the order — and must answer exactly as for an id that does not
 * exist (status, type, title, detail), write nothing, and list nothing of the other tenant. An
 * operation added later with an id of a kind this test does not know fails it until it is covered.
 */

type Kind = 'channels' | 'orders' | 'webhook-endpoints';
const kinds: Kind[] = ['channels', 'orders', 'webhook-endpoints'];

interface DocumentOperation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
}

let world: OrdersWorld;
/** Tenant A: a workspace with a listed channel and a webhook endpoint; its advertiser's order. */
let ids: Record<Kind, string>;
let keysOfA: Record<Kind, string>;
/** Keys that own nothing of A's. */
let strangers: { owner: string; advertiser: string };

beforeAll(async () => {
  world = await startOrdersWorld();
  const owner = await world.api.ownerKey();
  const advertiser = await world.advertiser();
  const channel = await world.channel([30], {}, owner.workspaceId);
  const order = await world.post('/v1/orders', advertiser.key, orderBody(channel));
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const endpoint = await world.post('/v1/webhook-endpoints', owner.key, {
    url: 'https://partner.example/hooks',
  });
  expect(endpoint.status).toBe(201);
  ids = {
    channels: channel.id,
    orders: (order.body as { id: string }).id,
    'webhook-endpoints': (endpoint.body as { id: string }).id,
  };
  keysOfA = { channels: owner.key, orders: advertiser.key, 'webhook-endpoints': owner.key };
  strangers = {
    owner: (await world.api.ownerKey()).key,
    advertiser: (await world.advertiser()).key,
  };
});
afterAll(async () => {
  await world?.close();
});

const day = (offsetDays: number) =>
  new Date(world.checkout.clock.now().getTime() + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** Valid members for the required query parameters of the operations that have some. */
function queryFor(operation: DocumentOperation): Record<string, string> {
  const required = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  const known: Record<string, () => string> = { from: () => day(0), to: () => day(3) };
  return Object.fromEntries(
    required.map((p) => {
      const value = known[p.name];
      if (!value) throw new Error(`isolation: no value for the required query member ${p.name}`);
      return [p.name, value()];
    }),
  );
}

/** A body the operation accepts, so the call reaches the look-up rather than validation. */
const bodies: Record<string, unknown> = {
  'patch /v1/webhook-endpoints/{id}': { description: 'taken over' },
};

/** Operations a kind of key may not use at all: 403 forbidden whatever the id (docs/api.md). */
const forbiddenForKind: Record<string, string[]> = {
  'post /v1/orders/{id}/cancel': ['owner'],
};

function operationsById() {
  return Object.entries(world.api.document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, DocumentOperation>)
      .filter(() => path.includes('{id}'))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

describe('every operation with an id, called with another tenant’s keys', () => {
  it('knows the kind of every such operation in the document', () => {
    const unknown = operationsById()
      .map(({ path }) => path.split('/')[2])
      .filter((kind) => !kinds.includes(kind as Kind));
    expect(unknown).toEqual([]);
    expect(operationsById().length).toBeGreaterThanOrEqual(10);
  });

  it('answers as for a missing id, and changes nothing', async () => {
    const checked: string[] = [];
    for (const { path, method, operation } of operationsById()) {
      const kind = path.split('/')[2] as Kind;
      const body = bodies[`${method} ${path}`];
      const call = (key: string, id: string): Promise<ApiAnswer> =>
        world.api.call({
          method: method as ApiCall['method'],
          path,
          key,
          params: { id },
          query: queryFor(operation),
          ...(method === 'get' ? {} : { headers: { 'idempotency-key': randomUUID() } }),
          ...(operation.requestBody ? { body: JSON.stringify(body ?? {}) } : {}),
        });
      // A listed channel is public to every advertiser by design (the catalog): owners only.
      const others = kind === 'channels' ? { owner: strangers.owner } : strangers;
      for (const [who, key] of Object.entries(others)) {
        const foreign = comparableAnswer(await call(key, ids[kind]));
        const missing = comparableAnswer(await call(key, randomUUID()));
        expect(foreign, `${method} ${path} as another ${who}`).toEqual(missing);
        // 404, unless the key's kind may never use the operation (then 403 for every id alike).
        const expected = forbiddenForKind[`${method} ${path}`]?.includes(who) ? 403 : 404;
        expect(foreign.answered, `${method} ${path} as another ${who}`).toBe(expected);
      }
      checked.push(`${method} ${path}`);
      if (process.env.ISOLATION_DEBUG)
        console.log(method, path, comparableAnswer(await call(strangers.owner, ids[kind])));
    }
    expect(checked).toEqual(expect.arrayContaining(['post /v1/orders/{id}/cancel']));

    // Nothing of A's moved: each resource still reads as it did, through A's own key.
    const order = await world.api.call({
      path: '/v1/orders/{id}',
      key: keysOfA.orders,
      params: { id: ids.orders },
    });
    expect(order.body).toMatchObject({ status: 'awaiting_payment' });
    const endpoint = await world.api.call({
      path: '/v1/webhook-endpoints/{id}',
      key: keysOfA['webhook-endpoints'],
      params: { id: ids['webhook-endpoints'] },
    });
    expect(endpoint.body).toMatchObject({ status: 'enabled', description: '' });
  });

  it('lists nothing of the other tenant', async () => {
    for (const path of ['/v1/orders', '/v1/webhook-endpoints'] as const) {
      for (const key of Object.values(strangers)) {
        const listed = await world.api.call({ path, key });
        expect(listed.status).toBe(200);
        expect(JSON.stringify(listed.body)).not.toContain(ids.orders);
        expect(JSON.stringify(listed.body)).not.toContain(ids['webhook-endpoints']);
      }
    }
    const owned = await world.api.call({ path: '/v1/channels', key: strangers.owner });
    expect(JSON.stringify(owned.body)).not.toContain(ids.channels);
  });
});
