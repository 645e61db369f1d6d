import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { appendEvent, type DomainEvent } from '../../../models/outbox/events.js';
import { createWebhookEndpoint } from '../../../models/partner-webhooks/create-webhook-endpoint.js';
import {
  deliverWebhook,
  retryDelaysMs,
  webhookDeliverJob,
} from '../../../models/partner-webhooks/deliver-webhook.js';
import type { WebhookActor } from '../../../models/partner-webhooks/endpoint-access.js';
import { partnerWebhooksConsumer } from '../../../models/partner-webhooks/queue-deliveries.js';
import { rotateWebhookSecret } from '../../../models/partner-webhooks/rotate-webhook-secret.js';
import { verifyWebhookSignature } from '../../../models/partner-webhooks/signature.js';
import { updateWebhookEndpoint } from '../../../models/partner-webhooks/update-webhook-endpoint.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { createTestDatabase } from '../../helpers/db.js';
import { manualClock } from '../../helpers/manual-clock.js';
import { drainConsumer } from '../../helpers/outbox.js';
import { queuedJobs } from '../../helpers/queued-jobs.js';
import {
  closedPortUrl,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../helpers/webhook-receiver.js';

let database: Database;
let receiver: WebhookReceiver;
const clock = manualClock(new Date(Date.UTC(2032, 4, 10, 9, 0, 0)));
const policy = { allowPrivate: true };
const deps = () => ({ database, clock, policy, timeoutMs: 300 });
const minute = 60_000;

interface Side {
  actor: WebhookActor;
  accountId: string;
}

beforeAll(async () => {
  [database, receiver] = await Promise.all([createTestDatabase(), startWebhookReceiver()]);
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answers.length = 0;
});

async function owner(): Promise<Side & { workspaceId: string }> {
  const { workspaceId, ownerAccountId } = await makeWorkspace(database, { plan: 'pro' });
  return {
    actor: { kind: 'account', owner: { workspaceId }, accountId: ownerAccountId },
    accountId: ownerAccountId,
    workspaceId,
  };
}

async function advertiser(): Promise<Side> {
  const { id } = await makeAccount(database);
  return { actor: { kind: 'account', owner: { accountId: id }, accountId: id }, accountId: id };
}

async function endpoint(side: Side, path: string, extra: { events?: string[]; url?: string } = {}) {
  const created = await createWebhookEndpoint(
    database,
    { actor: side.actor, url: extra.url ?? `${receiver.url}${path}`, events: extra.events },
    policy,
    clock,
  );
  if (!created.ok) throw new Error(created.code);
  return { id: created.value.endpoint.id, secret: created.value.secret };
}

/** A scheduled order of the owner's channel for the advertiser, and the event that says so. */
async function scheduledEvent(workspaceId: string, advertiserId: string) {
  const channel = await makeChannel(database, { workspaceId });
  const order = await makeOrder(database, {
    channel,
    advertiser: advertiserId,
    status: 'scheduled',
  });
  const event: DomainEvent = {
    type: 'order.scheduled',
    workspaceId,
    orderId: order.orderId,
    advertiserAccountId: advertiserId,
    auto: false,
  };
  return { orderId: order.orderId, event };
}

async function append(...events: DomainEvent[]) {
  await database.withSystem('test: events', async (tx) => {
    for (const event of events) await appendEvent(tx, event, clock.now());
  });
}

async function deliveriesOf(endpointId: string) {
  return database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(webhookDeliveries.eventId),
  );
}

async function attemptsOf(deliveryId: string) {
  return database.withSystem('test read', (tx) =>
    tx
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, deliveryId))
      .orderBy(webhookAttempts.attempt),
  );
}

async function deliverJobsFor(deliveryId: string) {
  const jobs = await database.db.execute<{ next_run_at: Date }>(
    sql`select next_run_at from agenda_jobs where name = ${webhookDeliverJob}
        and data->>'deliveryId' = ${deliveryId} order by next_run_at`,
  );
  return jobs.rows.map((r) => new Date(r.next_run_at).getTime());
}

const nowSec = () => Math.floor(clock.now().getTime() / 1000);

describe('partner webhook deliveries', () => {
  it('sends each side its signed event; another workspace’s endpoint hears nothing', async () => {
    const [seller, buyer, stranger] = await Promise.all([owner(), advertiser(), owner()]);
    const ownerHook = await endpoint(seller, '/owner');
    const buyerHook = await endpoint(buyer, '/buyer', { events: ['order.approved'] });
    const mutedHook = await endpoint(buyer, '/muted', { events: ['order.paid'] });
    const strangerHook = await endpoint(stranger, '/stranger');
    const { orderId, event } = await scheduledEvent(seller.workspaceId, buyer.accountId);
    await append(event);
    await drainConsumer(database, partnerWebhooksConsumer);

    expect(await deliveriesOf(strangerHook.id)).toEqual([]);
    expect(await deliveriesOf(mutedHook.id)).toEqual([]);
    for (const [hook, path] of [
      [ownerHook, '/owner'],
      [buyerHook, '/buyer'],
    ] as const) {
      const [delivery] = await deliveriesOf(hook.id);
      expect(delivery).toMatchObject({ status: 'pending', eventType: 'order.approved' });
      expect(await deliverJobsFor(delivery!.id)).toHaveLength(1);
      expect(await deliverWebhook(deps(), delivery!.id)).toEqual({
        kind: 'delivered',
        statusCode: 200,
      });
      const request = receiver.received.find((r) => r.path === path)!;
      expect(JSON.parse(request.body)).toEqual({
        id: `evt_${delivery!.eventId}`,
        type: 'order.approved',
        created: nowSec(),
        data: { order_id: orderId, auto: false },
      });
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        'lytslot-event-id': `evt_${delivery!.eventId}`,
        'user-agent': expect.stringMatching(/^LytSlot-Webhooks\//),
      });
      const signature = String(request.headers['lytslot-signature']);
      expect(verifyWebhookSignature(signature, request.body, hook.secret, 300, nowSec())).toBe(
        true,
      );
      expect(await attemptsOf(delivery!.id)).toMatchObject([
        { attempt: 1, statusCode: 200, error: null },
      ]);
      expect(await deliverWebhook(deps(), delivery!.id)).toEqual({ kind: 'moot' });
    }
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/buyer', '/owner']);
  });

  it('creates each delivery once, even when the consumer’s batch dies and runs again', async () => {
    const [seller, buyer] = await Promise.all([owner(), advertiser()]);
    const hook = await endpoint(seller, '/once');
    const { event } = await scheduledEvent(seller.workspaceId, buyer.accountId);
    await append(event);
    // A batch that dies before it commits: its deliveries and jobs vanish with it.
    let failedOnce = false;
    const dying = {
      name: partnerWebhooksConsumer.name,
      async handle(...args: Parameters<typeof partnerWebhooksConsumer.handle>) {
        await partnerWebhooksConsumer.handle(...args);
        if (!failedOnce) {
          failedOnce = true;
          throw new Error('killed mid-batch');
        }
      },
    };
    expect((await drainConsumer(database, dying)).last.failed).toBe(true);
    expect(await deliveriesOf(hook.id)).toEqual([]);
    await drainConsumer(database, dying);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toBeDefined();
    // Handled once more past the receipts (a redelivered event): nothing new.
    await database.withSystem('test: handle again', async (tx) => {
      await partnerWebhooksConsumer.handle(tx, {
        ...event,
        id: delivery!.eventId,
        txId: '0',
        occurredAt: clock.now(),
      });
    });
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
    expect(await deliverJobsFor(delivery!.id)).toHaveLength(1);
  });

  it('retries a 500, a timeout, a redirect and a refused connection with backoff, then gives up at 24 h', async () => {
    const [seller, buyer] = await Promise.all([owner(), advertiser()]);
    const hook = await endpoint(seller, '/flaky');
    const { event } = await scheduledEvent(seller.workspaceId, buyer.accountId);
    const created = clock.now().getTime();
    await append(event);
    await drainConsumer(database, partnerWebhooksConsumer);
    const [delivery] = await deliveriesOf(hook.id);
    const id = delivery!.id;
    receiver.answers.push(500, 'hang', 302);
    const expected: number[] = [];
    let at = created;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const outcome = await deliverWebhook(deps(), id);
      at += retryDelaysMs[attempt - 1]!;
      expected.push(at);
      expect(outcome).toEqual({ kind: 'retry', at: new Date(at), attempt: attempt + 1 });
      expect((await deliveriesOf(hook.id))[0]).toMatchObject({ nextAttemptAt: new Date(at) });
      clock.set(new Date(at));
    }
    await database.withSystem('test: endpoint moves', async (tx) =>
      tx
        .update(webhookEndpoints)
        .set({ url: await closedPortUrl() })
        .where(eq(webhookEndpoints.id, hook.id)),
    );
    let outcome;
    for (let attempt = 4; ; attempt += 1) {
      outcome = await deliverWebhook(deps(), id);
      if (outcome.kind !== 'retry') break;
      at += retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1]!;
      expected.push(at);
      expect(outcome.at).toEqual(new Date(at));
      clock.set(new Date(at));
    }
    expect(outcome).toEqual({ kind: 'failed', endpointDisabled: false });
    // 1 m, 5 m, 30 m, 2 h, 5 h, 10 h: the next 10 h would pass 24 h after the event.
    expect(expected.map((t) => (t - created) / minute)).toEqual([1, 6, 36, 156, 456, 1056]);
    expect(await deliverJobsFor(id)).toEqual(expect.arrayContaining(expected));
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [500, 'answered 500'],
      [null, 'timeout'],
      [302, 'redirect not followed'],
      ...Array(4).fill([null, 'ECONNREFUSED']),
    ]);
    expect(receiver.received.filter((r) => r.path === '/elsewhere')).toEqual([]);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'failed', attempts: 7 });
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const [seller, buyer] = await Promise.all([owner(), advertiser()]);
    const hook = await endpoint(seller, '/rotated');
    const rotated = await rotateWebhookSecret(
      database,
      { actor: seller.actor, endpointId: hook.id },
      clock,
    );
    if (!rotated.ok) throw new Error(rotated.code);
    const first = await scheduledEvent(seller.workspaceId, buyer.accountId);
    await append(first.event);
    await drainConsumer(database, partnerWebhooksConsumer);
    const [delivery] = await deliveriesOf(hook.id);
    await deliverWebhook(deps(), delivery!.id);
    const overlap = receiver.received.at(-1)!;
    const header = String(overlap.headers['lytslot-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    for (const secret of [hook.secret, rotated.value.secret])
      expect(verifyWebhookSignature(header, overlap.body, secret, 300, nowSec())).toBe(true);

    clock.add(24 * 3_600_000 + 1_000);
    const second = await scheduledEvent(seller.workspaceId, buyer.accountId);
    await append(second.event);
    await drainConsumer(database, partnerWebhooksConsumer);
    const later = (await deliveriesOf(hook.id))[1]!;
    await deliverWebhook(deps(), later.id);
    const after = receiver.received.at(-1)!;
    const single = String(after.headers['lytslot-signature']);
    expect(single.match(/v1=/g)).toHaveLength(1);
    expect(verifyWebhookSignature(single, after.body, rotated.value.secret, 300, nowSec())).toBe(
      true,
    );
    expect(verifyWebhookSignature(single, after.body, hook.secret, 300, nowSec())).toBe(false);
  });

  it('switches an endpoint off after 5 deliveries given up in a row and tells its owner', async () => {
    const [seller, buyer] = await Promise.all([owner(), advertiser()]);
    const hook = await endpoint(seller, '/dead', { url: await closedPortUrl() });
    const events = [];
    for (let i = 0; i < 6; i += 1)
      events.push((await scheduledEvent(seller.workspaceId, buyer.accountId)).event);
    await append(...events);
    await drainConsumer(database, partnerWebhooksConsumer);
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries).toHaveLength(6);
    // The last attempt of each: the window is over, so each failure gives the delivery up.
    clock.add(24 * 3_600_000 - 30_000);
    const outcomes = [];
    for (const delivery of deliveries.slice(0, 5))
      outcomes.push(await deliverWebhook(deps(), delivery.id));
    expect(outcomes.map((o) => o.kind)).toEqual(Array(5).fill('failed'));
    expect(outcomes.at(-1)).toEqual({ kind: 'failed', endpointDisabled: true });
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id)),
    );
    expect(row).toMatchObject({
      status: 'disabled',
      disabledReason: 'failing',
      consecutiveFailures: 5,
    });
    // The sixth delivery is not sent to an endpoint that is off.
    expect(await deliverWebhook(deps(), deliveries[5]!.id)).toEqual({ kind: 'moot' });
    expect((await deliveriesOf(hook.id))[5]).toMatchObject({ status: 'failed', attempts: 0 });

    const notices = (await queuedJobs(database, 'notifications.send')).filter(
      (job) => job.data.key === 'webhooks-disabled-notice',
    );
    expect(notices).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          accountId: seller.accountId,
          vars: { url: row!.url, failures: 5 },
        }),
      }),
    ]);
    // Enabled again by its owner, it is delivered to (and counts from zero) once more.
    const enabled = await updateWebhookEndpoint(
      database,
      {
        actor: seller.actor,
        endpointId: hook.id,
        changes: { enabled: true, url: `${receiver.url}/back` },
      },
      policy,
      clock,
    );
    expect(enabled).toMatchObject({ ok: true, value: { status: 'enabled' } });
  });

  it('refuses a private address without the sandbox option, before connecting', async () => {
    const [seller, buyer] = await Promise.all([owner(), advertiser()]);
    const hook = await endpoint(seller, '/private');
    const { event } = await scheduledEvent(seller.workspaceId, buyer.accountId);
    await append(event);
    await drainConsumer(database, partnerWebhooksConsumer);
    const [delivery] = await deliveriesOf(hook.id);
    const strict = { ...deps(), policy: { allowPrivate: false } };
    expect(await deliverWebhook(strict, delivery!.id)).toMatchObject({ kind: 'retry' });
    expect(await attemptsOf(delivery!.id)).toMatchObject([
      { statusCode: null, error: 'address not allowed' },
    ]);
    expect(receiver.received).toEqual([]);
  });

  it('tells both sides of an order created by the first hold (order.created), and nothing else hears of it', async () => {
    const seller = await owner();
    const buyer = await advertiser();
    const ownerHook = await endpoint(seller, '/created-owner', { events: ['order.created'] });
    const buyerHook = await endpoint(buyer, '/created-buyer', { events: ['order.created'] });
    const startsAt = new Date(
      Math.ceil((clock.now().getTime() + 48 * 3_600_000) / 3_600_000) * 3_600_000,
    );
    const channel = await makeChannel(database, {
      workspaceId: seller.workspaceId,
      slots: [startsAt],
    });
    const notificationsBefore = (await queuedJobs(database, 'notifications.send')).length;
    const held = await holdSlot(
      database,
      { accountId: buyer.accountId, channelId: channel.id, startsAt, format: '1/24' },
      clock,
    );
    if (!held.ok) throw new Error(held.code);
    expect((await queuedJobs(database, 'notifications.send')).length).toBe(notificationsBefore);
    await drainConsumer(database, partnerWebhooksConsumer);
    for (const hook of [ownerHook, buyerHook]) {
      const [delivery] = await deliveriesOf(hook.id);
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: 'order.created',
        data: {
          order_id: held.value.orderId,
          currency: 'RUB',
          hold_expires_at: held.value.holdExpiresAt.toISOString(),
        },
      });
    }
  });
});
