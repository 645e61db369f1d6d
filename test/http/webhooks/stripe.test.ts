import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../http/app.js';
import { createMetrics } from '../../../http/metrics.js';
import { startHttpServer } from '../../../http/server.js';
import { stripeWebhookRoutes } from '../../../http/webhooks/stripe.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import type { StripeGateway } from '../../../models/providers/stripe.js';
import type { StripeFake } from '../../../sandbox/fakes/stripe.js';
import {
  eventRow,
  orderAwaitingStripe,
  orderState,
  postSigned,
  startStripeWebhook,
  type StripeWebhookWorld,
} from './stripe-helpers.js';
import { deliverEvents, orderRouteEvents } from '../../helpers/outbox.js';

let database: Database;
let fake: StripeFake;
let gateway: StripeGateway;
let world: StripeWebhookWorld;
let url: string;
/** The route's log lines (JSON), newest last. */
const logged: string[] = [];
const clock: Clock = { now: () => new Date(), offsetMs: () => 0 };

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logged.push(line) },
  });
  world = await startStripeWebhook(clock, logger);
  ({ database, fake, gateway, url } = world);
});
afterAll(async () => {
  await world?.close();
});

/** Completes the order's session in the fake and returns the checkout.session.completed event (not sent). */
async function paidEvent(sessionId: string) {
  await fake.completeSession(sessionId);
  const events = fake.takeEvents();
  return events.find((e) => e.type === 'checkout.session.completed')!;
}

/** An order paid through Stripe (its webhook sent), then refunded in full by us. */
async function paidThenRefunded() {
  const o = await orderAwaitingStripe(database, gateway, clock);
  expect((await fake.sendEvent(await paidEvent(o.sessionId))).status).toBe(200);
  const refunded = await refundOrderPayment(
    database,
    {
      workspaceId: o.workspaceId,
      orderId: o.orderId,
      actor: 'system:test',
      refunders: { stripe: gateway.refund },
    },
    clock,
  );
  expect(refunded.ok).toBe(true);
  await fake.settle();
  return o;
}

describe('POST /webhooks/stripe', () => {
  it('a validly signed checkout.session.completed fulfils the order once', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const res = await postSigned(url, event, fake.webhookSecret);
    expect(res.status).toBe(200);
    const s = await orderState(database, o);
    expect(['in_review', 'scheduled']).toContain(s.order.status);
    expect(s.payments).toHaveLength(1);
    const intent = fake.objects.session(o.sessionId).payment_intent;
    expect(s.payments[0]).toMatchObject({
      status: 'succeeded',
      provider: 'stripe',
      providerPaymentId: intent,
      amount: o.total,
      currency: 'USD',
    });
    expect(s.payments[0]!.details).toMatchObject({ checkoutSessionId: o.sessionId });
    expect(s.postings).toBe(1);
    expect(s.escrow).toBe(o.total);
    expect((await eventRow(database, event.id as string))?.processedAt).toBeInstanceOf(Date);
  });

  it('one tampered byte ⇒ 400 and nothing changes', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const res = await postSigned(url, event, fake.webhookSecret, {
      tamper: (payload) =>
        payload.replace(`"amount_total": ${o.total}`, `"amount_total": ${o.total + 1}`),
    });
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('amount');
    const s = await orderState(database, o);
    expect(s.order.status).toBe('awaiting_payment');
    expect(s.payments[0]!.status).toBe('pending');
    expect(s.postings).toBe(0);
    expect(await eventRow(database, event.id as string)).toBeUndefined();
  });

  it('a fault of ours verifying the event (the SDK not loading) ⇒ 500 for Stripe to retry, nothing changes', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const app = createHttpApp({
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      readiness: {},
      routers: [
        stripeWebhookRoutes({
          database,
          clock,
          logger: createLogger({ level: 'silent' }),
          gateway: {
            refund: gateway.refund,
            constructEvent: () => Promise.reject(new Error("Cannot find package 'stripe'")),
          },
        }),
      ],
    });
    const server = await startHttpServer(app, '127.0.0.1', 0);
    try {
      const res = await postSigned(`${server.url}/webhooks/stripe`, event, fake.webhookSecret);
      expect(res.status).toBe(500);
    } finally {
      await server.close();
    }
    expect((await orderState(database, o)).order.status).toBe('awaiting_payment');
    expect(await eventRow(database, event.id as string)).toBeUndefined();
    // Stripe's retry reaches a working route and is handled.
    expect((await postSigned(url, event, fake.webhookSecret)).status).toBe(200);
    expect((await orderState(database, o)).order.status).not.toBe('awaiting_payment');
  });

  it('a signature older than the 300 s tolerance ⇒ 400, nothing changes', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const res = await postSigned(url, event, fake.webhookSecret, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(res.status).toBe(400);
    const s = await orderState(database, o);
    expect(s.order.status).toBe('awaiting_payment');
    expect(s.postings).toBe(0);
    // No signature at all, or signed with another secret: refused too.
    const unsigned = await fetch(url, { method: 'POST', body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    expect((await postSigned(url, event, 'whsec_other')).status).toBe(400);
    expect(await eventRow(database, event.id as string)).toBeUndefined();
  });

  it('the same event delivered 5 times ⇒ one ledger posting', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await fake.sendEvent(event)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    // One routing event: the payer and the owners hear once however often Stripe delivers.
    expect(await orderRouteEvents(database, o.orderId)).toHaveLength(1);
    const s = await orderState(database, o);
    expect(s.postings).toBe(1);
    expect(s.escrow).toBe(o.total);
    expect(s.payments.filter((p) => p.status === 'succeeded')).toHaveLength(1);
  });

  it('the same event delivered 5 times concurrently ⇒ one ledger posting', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    const results = await Promise.all(Array.from({ length: 5 }, () => fake.sendEvent(event)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // One routing event: the payer and the owners hear once however often Stripe delivers.
    expect(await orderRouteEvents(database, o.orderId)).toHaveLength(1);
    const s = await orderState(database, o);
    expect(s.postings).toBe(1);
    expect(s.escrow).toBe(o.total);
  });

  it('different events about one payment, concurrently (no per-event serialization) ⇒ one ledger posting', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    // As if several processes received distinct events for the same Checkout payment.
    const copies = Array.from({ length: 5 }, (_, i) =>
      fake.buildEvent(
        i % 2 === 0 ? 'checkout.session.completed' : 'checkout.session.async_payment_succeeded',
        (event.data as { object: Record<string, unknown> }).object,
      ),
    );
    const results = await Promise.all(copies.map((copy) => fake.sendEvent(copy)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const s = await orderState(database, o);
    expect(s.postings).toBe(1);
    expect(s.escrow).toBe(o.total);
    expect(s.payments.filter((p) => p.status === 'succeeded')).toHaveLength(1);
  });

  it('a delayed payment: completed unpaid waits, async_payment_succeeded fulfils', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    await fake.completeSession(o.sessionId, { asyncPayment: true });
    for (const event of fake.takeEvents()) expect((await fake.sendEvent(event)).status).toBe(200);
    expect((await orderState(database, o)).order.status).toBe('awaiting_payment');
    await fake.succeedAsyncPayment(o.sessionId);
    for (const event of fake.takeEvents()) expect((await fake.sendEvent(event)).status).toBe(200);
    const s = await orderState(database, o);
    expect(['in_review', 'scheduled']).toContain(s.order.status);
    expect(s.postings).toBe(1);
  });

  it('an expired session cancels the pending payment and gives the order back to its hold', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    await fake.expireSession(o.sessionId);
    const [expired] = fake.takeEvents();
    expect((await fake.sendEvent(expired!)).status).toBe(200);
    const s = await orderState(database, o);
    expect(s.payments[0]!.status).toBe('cancelled');
    expect(s.order.status).toBe('held');
    expect(s.postings).toBe(0);
  });

  it('a refund through Stripe and its charge.refunded webhook reverse the escrow once', async () => {
    const o = await paidThenRefunded();
    const [chargeRefunded] = fake.takeEvents().filter((e) => e.type === 'charge.refunded');
    expect(chargeRefunded).toBeDefined();
    expect((await fake.sendEvent(chargeRefunded!)).status).toBe(200);
    expect((await fake.sendEvent(chargeRefunded!)).status).toBe(200);
    const s = await orderState(database, o);
    expect(s.postings).toBe(2);
    expect(s.escrow).toBe(0);
    expect(s.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    const charge = fake.objects.all('charge').find((c) => c.amount_refunded === o.total);
    expect(charge).toBeDefined();
  });

  it('a refund made in the Stripe dashboard is recorded from charge.refunded, once', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    expect((await fake.sendEvent(await paidEvent(o.sessionId))).status).toBe(200);
    const intent = fake.objects.session(o.sessionId).payment_intent as string;
    const part = await gateway.refund({
      paymentId: 'dashboard',
      providerPaymentId: intent,
      amount: 400,
      currency: 'USD',
      idempotencyKey: `dashboard:${intent}`,
      payerTelegramId: 1,
    });
    expect(part.ok).toBe(true);
    await fake.settle();
    const [event] = fake.takeEvents().filter((e) => e.type === 'charge.refunded');
    for (let i = 0; i < 3; i += 1) expect((await fake.sendEvent(event!)).status).toBe(200);
    const s = await orderState(database, o);
    expect(s.postings).toBe(2);
    expect(s.escrow).toBe(o.total - 400);
    expect(s.payments[0]!.refundedAmount).toBe(400);
  });

  it('a refund that fails afterwards becomes the payer credit once, and later charge.refunded changes nothing', async () => {
    const o = await paidThenRefunded();
    fake.takeEvents();
    const intent = fake.objects.session(o.sessionId).payment_intent as string;
    const refund = fake.objects.all('refund').find((r) => r.payment_intent === intent)!;

    await fake.failRefund(refund.id as string, 'expired_or_canceled_card');
    const failure = fake.takeEvents();
    expect(failure.map((e) => e.type)).toEqual([
      'refund.updated',
      'refund.failed',
      'charge.refund.updated',
    ]);
    // Every one of them, twice: one credit.
    for (const event of [...failure, ...failure])
      expect((await fake.sendEvent(event)).status).toBe(200);
    const charge = fake.objects.all('charge').find((c) => c.payment_intent === intent)!;
    expect(charge.amount_refunded).toBe(0);
    // The charge's (now lower) refunded total arriving late records nothing more.
    const late = fake.buildEvent('charge.refunded', charge);
    expect((await fake.sendEvent(late)).status).toBe(200);

    const s = await orderState(database, o);
    expect(s.escrow).toBe(0);
    expect(s.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(s.payments[0]!.details).toMatchObject({
      failedRefundIds: [refund.id],
      failedRefundTotal: o.total,
    });
    const balance = await readAdvertiserBalance(database, o.advertiserId);
    expect(balance.credits).toEqual([{ currency: 'USD', available: o.total }]);
    await deliverEvents(database);
    const told = await database.withSystem('test read', (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from agenda_jobs
            where data->>'key' = 'receipt-refund-failed' and data->>'accountId' = ${o.advertiserId}`,
      ),
    );
    expect(told.rows[0]!.n).toBe(1);
  });

  it('unknown event types are acknowledged and ignored', async () => {
    const event = fake.buildEvent('customer.created', { id: 'cus_1', object: 'customer' });
    const res = await postSigned(url, event, fake.webhookSecret);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ignored' });
  });

  it.each([
    ['a malformed (non-uuid) order id', 'not-a-uuid'],
    ['an unknown order id', '00000000-0000-4000-8000-000000000000'],
  ])('a signed paid session with %s ⇒ 200, one log line, the event done', async (_, orderId) => {
    const event = fake.buildEvent('checkout.session.completed', {
      id: `cs_test_${orderId}`,
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      amount_total: 100,
      currency: 'usd',
      payment_intent: `pi_test_${orderId}`,
      metadata: { orderId },
    });
    const before = logged.length;
    const res = await postSigned(url, event, fake.webhookSecret);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ received: true, status: 'rejected' });
    const lines = logged.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.webhook === 'stripe')).toEqual([
      expect.objectContaining({
        eventId: event.id,
        code: 'unknown_order',
        msg: 'event not matched',
      }),
    ]);
    expect((await eventRow(database, event.id as string))?.processedAt).toBeInstanceOf(Date);
  });

  it('a signed subscription event with a malformed workspace id ⇒ 200, not matched', async () => {
    const event = fake.buildEvent('customer.subscription.deleted', {
      id: 'sub_test_malformed',
      object: 'subscription',
      metadata: { workspaceId: 'ws-1' },
      ended_at: 1_700_000_000,
    });
    const res = await postSigned(url, event, fake.webhookSecret);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ received: true, status: 'rejected' });
  });

  it('a handler failure ⇒ 500 without details, and the event stays unprocessed for the retry', async () => {
    const o = await orderAwaitingStripe(database, gateway, clock);
    const event = await paidEvent(o.sessionId);
    // A fault inside the database while the payment is recorded (dropped again below).
    await database.db.execute(
      sql.raw(`create function test_refuse_payment() returns trigger language plpgsql as
        $$ begin raise exception 'injected fault'; end $$;
        create trigger test_refuse_payment before insert or update on payments for each row
        when (new.order_id = '${o.orderId}') execute function test_refuse_payment();`),
    );
    try {
      const res = await postSigned(url, event, fake.webhookSecret);
      expect(res.status).toBe(500);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'internal_error' });
      expect((await eventRow(database, event.id as string))?.processedAt ?? null).toBeNull();
    } finally {
      await database.db.execute(
        sql.raw(
          `drop trigger test_refuse_payment on payments; drop function test_refuse_payment();`,
        ),
      );
    }
    expect((await postSigned(url, event, fake.webhookSecret)).status).toBe(200);
    expect((await orderState(database, o)).postings).toBe(1);
  });
});
