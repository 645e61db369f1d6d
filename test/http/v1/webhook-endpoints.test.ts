import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { appendEvent } from '../../../models/outbox/events.js';
import { deliverWebhook } from '../../../models/partner-webhooks/deliver-webhook.js';
import { partnerWebhooksConsumer } from '../../../models/partner-webhooks/queue-deliveries.js';
import { verifyWebhookSignature } from '../../../models/partner-webhooks/signature.js';
import { makeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';
import { drainConsumer } from '../../helpers/outbox.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { startV1World, type ApiCall, type V1World } from './world.js';

type Endpoint = Record<string, unknown> & { id: string; secret?: string };

let database: Database;
let world: V1World;
let receiver: WebhookReceiver;
let owner: Awaited<ReturnType<V1World['ownerKey']>>;
let other: Awaited<ReturnType<V1World['ownerKey']>>;
let advertiser: Awaited<ReturnType<V1World['advertiserKey']>>;
const clock = manualClock(new Date(Date.UTC(2032, 4, 10, 9, 0, 30)));
let sequence = 0;

beforeAll(async () => {
  [database, receiver] = await Promise.all([createTestDatabase(), startWebhookReceiver()]);
  world = await startV1World({ database, clock });
  [owner, other, advertiser] = await Promise.all([
    world.ownerKey(),
    world.ownerKey(),
    world.advertiserKey(),
  ]);
});
afterAll(async () => {
  await world?.close();
  await receiver?.close();
  await database?.close();
});

/** A write with a fresh Idempotency-Key (or the one given, to retry). */
function write(
  call: Omit<ApiCall, 'body'> & { body?: unknown },
  idempotencyKey = `test-${(sequence += 1)}`,
) {
  return world.call({
    ...call,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

const createFor = (key: string, body: unknown, idempotencyKey?: string) =>
  write({ method: 'post', path: '/v1/webhook-endpoints', key, body }, idempotencyKey);

describe('/v1/webhook-endpoints', () => {
  it('creates an endpoint with its secret once; a retry replays it; the list never shows it', async () => {
    const body = {
      url: 'https://crm.example.com/lytslot',
      description: 'CRM',
      events: ['order.paid'],
    };
    const created = await createFor(owner.key, body, 'create-once');
    expect(created.status).toBe(201);
    const endpoint = created.body as Endpoint;
    expect(endpoint).toMatchObject({
      ...body,
      status: 'enabled',
      previous_secret_expires_at: null,
    });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const again = await createFor(owner.key, body, 'create-once');
    expect(again.body).toEqual(endpoint);

    const listed = await world.call({ path: '/v1/webhook-endpoints', key: owner.key });
    expect(listed.status).toBe(200);
    expect((listed.body as { data: Endpoint[] }).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(listed.text).not.toContain('whsec_');
    const read = await world.call({
      path: '/v1/webhook-endpoints/{id}',
      params: { id: endpoint.id },
      key: owner.key,
    });
    expect(read.body).toMatchObject({ id: endpoint.id, events: ['order.paid'] });
    expect(read.text).not.toContain('whsec_');
  });

  it('refuses a URL that is not https on a public host, unknown events, and a sixth endpoint', async () => {
    const url = await createFor(advertiser.key, { url: 'http://crm.example.com/' });
    expect(url.status).toBe(400);
    expect(url.body).toMatchObject({ type: expect.stringMatching(/validation-failed$/) });
    expect((url.body as { errors: { path: string[] }[] }).errors[0]!.path).toEqual(['body', 'url']);
    const events = await createFor(advertiser.key, {
      url: 'https://a.example.com/',
      events: ['order.gone'],
    });
    expect(events.status).toBe(400);
    for (let i = 0; i < 5; i += 1)
      expect((await createFor(advertiser.key, { url: `https://a.example.com/${i}` })).status).toBe(
        201,
      );
    const sixth = await createFor(advertiser.key, { url: 'https://a.example.com/6' });
    expect(sixth.status).toBe(409);
    expect(sixth.body).toMatchObject({ type: expect.stringMatching(/webhook-endpoint-limit$/) });
  });

  it('changes, rotates and deletes; another owner’s key finds nothing', async () => {
    const endpoint = (await createFor(owner.key, { url: 'https://b.example.com/' }))
      .body as Endpoint;
    const path = '/v1/webhook-endpoints/{id}';
    const params = { id: endpoint.id };
    for (const [method, call] of [
      ['get', { path }],
      ['patch', { path, body: { enabled: false } }],
      ['delete', { path }],
      ['post', { path: '/v1/webhook-endpoints/{id}/rotate-secret' }],
      ['get', { path: '/v1/webhook-endpoints/{id}/deliveries' }],
    ] as const) {
      const answer =
        method === 'get'
          ? await world.call({ ...call, params, key: other.key })
          : await write({ ...call, method, params, key: other.key });
      expect(answer.status, `${method} ${call.path}`).toBe(404);
    }
    const changed = await write({
      method: 'patch',
      path,
      params,
      key: owner.key,
      body: { enabled: false, events: ['order.created'] },
    });
    expect(changed.body).toMatchObject({
      status: 'disabled',
      disabled_reason: 'manual',
      events: ['order.created'],
    });
    const empty = await write({ method: 'patch', path, params, key: owner.key, body: {} });
    expect(empty.status).toBe(400);

    const rotated = await write({
      method: 'post',
      path: '/v1/webhook-endpoints/{id}/rotate-secret',
      params,
      key: owner.key,
    });
    expect(rotated.status).toBe(200);
    const secret = (rotated.body as Endpoint).secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    expect(rotated.body).toMatchObject({
      previous_secret_expires_at: new Date(clock.now().getTime() + 86_400_000).toISOString(),
    });

    const deleted = await write({ method: 'delete', path, params, key: owner.key });
    expect(deleted.body).toEqual({ id: endpoint.id, deleted: true });
    expect((await world.call({ path, params, key: owner.key })).status).toBe(404);
  });

  it('lists an endpoint’s deliveries with their attempts', async () => {
    const endpoint = (
      await createFor(owner.key, { url: `${receiver.url}/api`, events: ['order.approved'] })
    ).body as Endpoint;
    const channel = await makeChannel(database, { workspaceId: owner.workspaceId });
    const order = await makeOrder(database, { channel, status: 'scheduled' });
    await database.withSystem('test: event', (tx) =>
      appendEvent(
        tx,
        {
          type: 'order.scheduled',
          workspaceId: owner.workspaceId,
          orderId: order.orderId,
          advertiserAccountId: order.advertiserAccountId,
          auto: true,
        },
        clock.now(),
      ),
    );
    await drainConsumer(database, partnerWebhooksConsumer);
    const page = async () =>
      (
        await world.call({
          path: '/v1/webhook-endpoints/{id}/deliveries',
          params: { id: endpoint.id },
          key: owner.key,
        })
      ).body as { data: { id: string; status: string; attempts: unknown[] }[] };
    const [pending] = (await page()).data;
    expect(pending).toMatchObject({ type: 'order.approved', status: 'pending', attempts: [] });
    receiver.answers.push(503);
    const deps = { database, clock, policy: { allowPrivate: true } };
    await deliverWebhook(deps, pending!.id);
    clock.add(60_000);
    await deliverWebhook(deps, pending!.id);
    expect((await page()).data[0]).toMatchObject({
      status: 'delivered',
      attempts: [
        { attempt: 1, status_code: 503, error: 'answered 503' },
        { attempt: 2, status_code: 200, error: null },
      ],
    });
    const last = receiver.received.at(-1)!;
    const signature = String(last.headers['lytslot-signature']);
    expect(
      verifyWebhookSignature(
        signature,
        last.body,
        endpoint.secret!,
        300,
        Math.floor(clock.now().getTime() / 1000),
      ),
    ).toBe(true);
  });
});
