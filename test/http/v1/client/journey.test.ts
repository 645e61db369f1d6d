import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../../models/partner-webhooks/signature.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../helpers/webhook-receiver.js';
import { createLogger } from '../../../../models/logger.js';
import { advanceTestClock } from '../../../../models/platform/test-clock.js';
import { bindSandboxChannel } from '../../../factories/sandbox-placements.js';
import { startOrdersWorld, type OrdersWorld } from '../orders-world.js';
import type { paths } from './v1.js';

/**
 * A partner's whole journey through a client generated from the document (openapi-typescript
 * types, openapi-fetch calls — what a partner would do), against the real server, database, bot,
 * jobs and the Telegram emulator on the test clock: both sides register webhooks; the advertiser
 * finds a channel in the catalog, reads its free times, books with an Idempotency-Key (retried:
 * one order), pays the Stars link in the emulator; the post goes out at its time; both sides read
 * the order, its placements and stats; another order, paid and in review, is cancelled and
 * refunded in full; every step arrives as a webhook with a valid signature.
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
  it('books, pays, sees the post go out, cancels another order, and hears it all signed', async () => {
    const ownerKey = await world.api.ownerKey();
    const advertiserKey = await world.advertiser();
    const owner = clientFor(ownerKey.key);
    const advertiser = clientFor(advertiserKey.key);
    const { database, clock, sandbox } = world.checkout;
    // One channel accepts on payment and is a real emulator channel; the other reviews by hand.
    const auto = await world.channel([30], { review: { mode: 'auto' } }, ownerKey.workspaceId);
    await bindSandboxChannel(database, sandbox, auto.id, 'Coffee daily');
    const manual = await world.channel([34], {}, ownerKey.workspaceId);

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
    expect(catalog.data?.data.map((c) => c.id)).toEqual(
      expect.arrayContaining([auto.id, manual.id]),
    );
    const day = (at: Date) => at.toISOString().slice(0, 10);
    const at = auto.startsAt[0]!;
    const free = await advertiser.GET('/v1/channels/{id}/availability', {
      params: { path: { id: auto.id }, query: { from: day(at), to: day(at), format: '1/24' } },
    });
    expect(free.error).toBeUndefined();
    expect(free.data!.formats.flatMap((f) => f.slots.map((s) => s.starts_at))).toContain(
      at.toISOString(),
    );

    // It books; a retry with the same key gets the same order (one order).
    const booking = (channel: { id: string; startsAt: Date[] }) => ({
      items: channel.startsAt.map((startsAt) => ({
        channel_id: channel.id,
        starts_at: startsAt.toISOString(),
        format: '1/24',
      })),
      creative: { text: '<b>Fresh coffee</b> every morning', buttons: [] },
      payment_method: 'stars' as const,
    });
    const params = once();
    const created = await advertiser.POST('/v1/orders', { params, body: booking(auto) });
    expect(created.response.status).toBe(201);
    const order = created.data!;
    expect(order).toMatchObject({ status: 'awaiting_payment', total: 1_000, currency: 'USD' });
    const retried = await advertiser.POST('/v1/orders', { params, body: booking(auto) });
    expect(retried.data?.id).toBe(order.id);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');
    expect((await world.ordersOf(advertiserKey.accountId)).length).toBe(1);
    // Read again, the order still carries its link to pay.
    const reread = await advertiser.GET('/v1/orders/{id}', { params: { path: { id: order.id } } });
    expect(reread.data?.payment).toEqual(order.payment);

    // The advertiser pays the Stars link, as a person would in Telegram: accepted at once.
    const paid = await advertiserKey.user.pay({ link: order.payment!.url! });
    if (!paid.ok) throw new Error(`not paid: ${paid.code}`);
    const statusOf = async (id: string) =>
      (await advertiser.GET('/v1/orders/{id}', { params: { path: { id } } })).data?.status;
    await waitFor(async () => (await statusOf(order.id)) === 'scheduled', 'the order scheduled');

    // Another order, on the channel that reviews by hand: paid, then cancelled while in review.
    const second = (await advertiser.POST('/v1/orders', { params: once(), body: booking(manual) }))
      .data!;
    const paidSecond = await advertiserKey.user.pay({ link: second.payment!.url! });
    if (!paidSecond.ok) throw new Error(`not paid: ${paidSecond.code}`);
    await waitFor(async () => (await statusOf(second.id)) === 'in_review', 'in review');
    const cancelled = await advertiser.POST('/v1/orders/{id}/cancel', {
      params: { ...once(), path: { id: second.id } },
    });
    expect(cancelled.error).toBeUndefined();
    expect(sandbox.emulator.world.charges.get(paidSecond.value.chargeId)?.refunded).toBe(true);

    // The slot's time comes: the bot posts the ad in the channel.
    const minutes = Math.ceil((at.getTime() - clock.now().getTime()) / 60_000) + 1;
    await advanceTestClock({ database, clock, logger: createLogger({ level: 'silent' }) }, minutes);
    const placed = async () =>
      (await owner.GET('/v1/orders/{id}/placements', { params: { path: { id: order.id } } })).data
        ?.data[0];
    await waitFor(async () => (await placed())?.status === 'published', 'the post published');
    expect((await placed())?.post_url).toMatch(/^https:\/\/t\.me\//);

    // Both sides read it: the owner among the workspace's orders, the advertiser its stats.
    const listed = await owner.GET('/v1/orders', { params: { query: {} } });
    expect(listed.data?.data.map((o) => o.id)).toEqual(
      expect.arrayContaining([order.id, second.id]),
    );
    const stats = await advertiser.GET('/v1/orders/{id}/stats', {
      params: { path: { id: order.id } },
    });
    expect(stats.data).toMatchObject({ order_id: order.id, spent: 1_000, publications: 1 });

    // Every step reached both sides, signed with their own secret.
    const heard = (side: string, orderId: string) =>
      receiver.received
        .filter((r) => r.path === `/${side}`)
        .map((r) => {
          const signature = String(r.headers['lytslot-signature']);
          expect(verifyWebhookSignature(signature, r.body, secrets[side]!)).toBe(true);
          return JSON.parse(r.body) as { type: string; data: { order_id: string } };
        })
        .filter((event) => event.data.order_id === orderId)
        .map((event) => event.type);
    const expected = {
      [order.id]: ['order.created', 'order.paid', 'order.approved', 'order.published'],
      [second.id]: ['order.created', 'order.paid', 'order.cancelled', 'order.refunded'],
    };
    for (const side of ['owner', 'advertiser']) {
      for (const [orderId, steps] of Object.entries(expected)) {
        await waitFor(
          () => steps.every((step) => heard(side, orderId).includes(step)),
          `${side} of ${orderId}: ${steps.join(', ')} (heard ${heard(side, orderId).join(', ')})`,
        );
      }
    }
  }, 90_000);
});
