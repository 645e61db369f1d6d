import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../../models/partner-webhooks/signature.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../helpers/webhook-receiver.js';
import { startOrdersWorld, type OrdersWorld } from '../orders-world.js';
import type { paths } from './v1.js';

/**
 * A partner's whole journey through a client generated from the document (openapi-typescript
 * types, openapi-fetch calls — what a partner would do), against the real server, database, bot
 * and jobs: both sides register webhooks, the advertiser finds a channel, reads its free times,
 * books with an Idempotency-Key, pays the Stars link in the emulator, both sides read the order,
 * the advertiser cancels (refunded in full), and every webhook arrives signed.
 */

let world: OrdersWorld;
let receiver: WebhookReceiver;
beforeAll(async () => {
  [world, receiver] = await Promise.all([startOrdersWorld(), startWebhookReceiver()]);
});
afterAll(async () => {
  await world?.close();
  await receiver?.close();
});

const clientFor = (key: string) =>
  createClient<paths>({
    baseUrl: world.api.server.url,
    headers: { authorization: `Bearer ${key}` },
  });
const once = () => ({ header: { 'Idempotency-Key': randomUUID() } });

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a partner through the generated client', () => {
  it('books, pays, reads, cancels and hears every step by signed webhooks', async () => {
    const ownerKey = await world.api.ownerKey();
    const advertiserKey = await world.advertiser();
    const owner = clientFor(ownerKey.key);
    const advertiser = clientFor(advertiserKey.key);
    const channel = await world.channel([30, 54], {}, ownerKey.workspaceId);

    // Both sides register an endpoint; each secret is shown once.
    const secrets: Record<string, string> = {};
    for (const [side, client] of [
      ['owner', owner],
      ['advertiser', advertiser],
    ] as const) {
      const { data, error } = await client.POST('/v1/webhook-endpoints', {
        params: once(),
        body: { url: `${receiver.url}/${side}`, description: `${side} hooks` },
      });
      expect(error).toBeUndefined();
      expect(data?.secret).toMatch(/^whsec_/);
      secrets[side] = data!.secret;
    }

    // The advertiser finds the channel in the catalog and reads its free times.
    const catalog = await advertiser.GET('/v1/channels', { params: { query: { limit: 100 } } });
    expect(catalog.data?.data.map((c) => c.id)).toContain(channel.id);
    const day = (at: Date) => at.toISOString().slice(0, 10);
    const free = await advertiser.GET('/v1/channels/{id}/availability', {
      params: {
        path: { id: channel.id },
        query: { from: day(channel.startsAt[0]!), to: day(channel.startsAt[1]!), format: '1/24' },
      },
    });
    expect(free.error).toBeUndefined();
    const offered = free.data!.formats.flatMap((f) => f.slots.map((s) => s.starts_at));
    for (const at of channel.startsAt) expect(offered).toContain(at.toISOString());

    // It books both slots; a retry with the same key gets the same order.
    const booking = {
      items: channel.startsAt.map((at) => ({
        channel_id: channel.id,
        starts_at: at.toISOString(),
        format: '1/24',
      })),
      creative: { text: '<b>Fresh coffee</b> every morning', buttons: [] },
      payment_method: 'stars' as const,
    };
    const params = once();
    const created = await advertiser.POST('/v1/orders', { params, body: booking });
    expect(created.response.status).toBe(201);
    const order = created.data!;
    expect(order).toMatchObject({ status: 'awaiting_payment', total: 2_000, currency: 'USD' });
    const retried = await advertiser.POST('/v1/orders', { params, body: booking });
    expect(retried.data?.id).toBe(order.id);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');

    // The advertiser pays the Stars link, as a person would in Telegram.
    const paid = await advertiserKey.user.pay({ link: order.payment!.url! });
    if (!paid.ok) throw new Error(`not paid: ${paid.code}`);
    await advertiserKey.user.waitForMessage(/Payment received/);
    const read = async () =>
      (await advertiser.GET('/v1/orders/{id}', { params: { path: { id: order.id } } })).data;
    await waitFor(async () => (await read())?.status === 'in_review', 'the order in review');

    // The owner sees it among the workspace's orders, with its placements and stats.
    const listed = await owner.GET('/v1/orders', { params: { query: {} } });
    expect(listed.data?.data.map((o) => o.id)).toContain(order.id);
    const placements = await owner.GET('/v1/orders/{id}/placements', {
      params: { path: { id: order.id } },
    });
    expect(placements.error).toBeUndefined();
    const stats = await advertiser.GET('/v1/orders/{id}/stats', {
      params: { path: { id: order.id } },
    });
    expect(stats.data).toMatchObject({ order_id: order.id, spent: 2_000, clicks: 0 });

    // The advertiser changes their mind before the owner decides: cancelled, refunded in full.
    const cancelled = await advertiser.POST('/v1/orders/{id}/cancel', {
      params: { ...once(), path: { id: order.id } },
    });
    expect(cancelled.error).toBeUndefined();
    expect(world.checkout.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(
      true,
    );

    // Every step reached both sides, signed with their own secret.
    const steps = ['order.created', 'order.paid', 'order.cancelled', 'order.refunded'];
    const heard = (side: string) =>
      receiver.received
        .filter((r) => r.path === `/${side}`)
        .map((r) => {
          const signature = String(r.headers['lytslot-signature']);
          expect(verifyWebhookSignature(signature, r.body, secrets[side]!)).toBe(true);
          const event = JSON.parse(r.body) as { type: string; data: { order_id: string } };
          expect(event.data.order_id).toBe(order.id);
          return event.type;
        });
    for (const side of ['owner', 'advertiser']) {
      await waitFor(
        () => steps.every((step) => heard(side).includes(step)),
        `${side}: ${steps.join(', ')}`,
      );
    }
  }, 60_000);
});
