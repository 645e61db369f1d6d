import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStripeGateway,
  StripeEventRefused,
  type StripeGateway,
} from '../../../models/providers/stripe.js';
import { startStripeFake, type StripeFake } from '../../../sandbox/fakes/stripe.js';
import { parseStripeForm, signStripePayload } from '../../../sandbox/fakes/stripe-protocol.js';

let fake: StripeFake;
let gateway: StripeGateway;

beforeAll(async () => {
  fake = await startStripeFake({ autoDeliver: false });
  gateway = createStripeGateway({
    secretKey: fake.secretKey,
    webhookSecret: fake.webhookSecret,
    apiRoot: fake.apiRoot,
  });
});
afterAll(async () => {
  await fake?.close();
});

const inAnHour = () => new Date(Date.now() + 3_600_000);
let n = 0;
const orderCheckout = (overrides: { key?: string; amount?: number } = {}) => {
  n += 1;
  return {
    idempotencyKey: overrides.key ?? `order:test-${n}:1:stripe`,
    orderId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    paymentId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    amount: overrides.amount ?? 2_500,
    currency: 'USD' as const,
    description: 'Ad in @coffee, 1/24',
    successUrl: 'https://t.me/lytslot_bot?start=paid',
    cancelUrl: 'https://t.me/lytslot_bot?start=cancel',
    expiresAt: inAnHour(),
  };
};

describe('Stripe form encoding', () => {
  it('decodes bracket notation into nested objects and arrays', () => {
    expect(
      parseStripeForm(
        'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][quantity]=1&metadata[orderId]=o1&expand[]=a&expand[]=b',
      ),
    ).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd' }, quantity: '1' }],
      metadata: { orderId: 'o1' },
      expand: ['a', 'b'],
    });
  });
});

describe('Stripe gateway against the fake', () => {
  it('creates a Checkout Session with the order total, metadata and expiry', async () => {
    const input = orderCheckout();
    const created = await gateway.createOrderCheckout(input);
    expect(created.sessionId).toMatch(/^cs_test_/);
    expect(created.url).toContain(created.sessionId);
    const session = fake.objects.session(created.sessionId);
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 2_500,
      currency: 'usd',
      client_reference_id: input.orderId,
      metadata: { orderId: input.orderId, paymentId: input.paymentId },
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    });
    expect(await gateway.retrieveCheckout(created.sessionId)).toEqual({
      status: 'open',
      paymentStatus: 'unpaid',
    });
  });

  it('replays a create with the same Idempotency-Key as the same session', async () => {
    const input = orderCheckout();
    const before = fake.objects.all('checkout.session').length;
    const first = await gateway.createOrderCheckout(input);
    const again = await gateway.createOrderCheckout(input);
    expect(again).toEqual(first);
    expect(fake.objects.all('checkout.session').length).toBe(before + 1);
    // Same key, other parameters: Stripe refuses.
    await expect(gateway.createOrderCheckout({ ...input, amount: 9_999 })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
    });
  });

  it('a create answered 500 is retried by the SDK with the same key: one session', async () => {
    const before = fake.objects.all('checkout.session').length;
    const count = fake.requestCount('POST', '/v1/checkout/sessions');
    fake.failNext('POST', '/v1/checkout/sessions', 500, 1);
    const created = await gateway.createOrderCheckout(orderCheckout());
    expect(fake.requestCount('POST', '/v1/checkout/sessions')).toBe(count + 2);
    expect(fake.objects.all('checkout.session').length).toBe(before + 1);
    expect(fake.objects.session(created.sessionId).status).toBe('open');
  });

  it('refuses a wrong secret key like Stripe (401)', async () => {
    const wrong = createStripeGateway({
      secretKey: 'sk_test_wrong',
      webhookSecret: fake.webhookSecret,
      apiRoot: fake.apiRoot,
    });
    await expect(wrong.createOrderCheckout(orderCheckout())).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('retrieves a paid session with its payment_intent; refunds part, then the rest, then says already refunded', async () => {
    const { sessionId } = await gateway.createOrderCheckout(orderCheckout({ amount: 1_000 }));
    await fake.completeSession(sessionId);
    const paid = await gateway.retrieveCheckout(sessionId);
    expect(paid).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    const intent = paid.paymentIntentId!;
    expect(intent).toMatch(/^pi_test_/);
    const request = {
      paymentId: 'p1',
      providerPaymentId: intent,
      amount: 300,
      currency: 'USD' as const,
      payerTelegramId: 1,
    };
    const part = await gateway.refund({ ...request, idempotencyKey: `refund:${intent}:1` });
    expect(part).toMatchObject({ ok: true, status: 'succeeded' });
    // The same key again: replayed, not refunded twice.
    const replay = await gateway.refund({ ...request, idempotencyKey: `refund:${intent}:1` });
    expect(replay).toEqual(part);
    // A session id is resolved to its payment_intent.
    const rest = await gateway.refund({
      ...request,
      providerPaymentId: sessionId,
      amount: 700,
      idempotencyKey: `refund:${intent}:2`,
    });
    expect(rest).toMatchObject({ ok: true });
    const charge = fake.objects.all('charge').find((c) => c.payment_intent === intent)!;
    expect(charge).toMatchObject({ amount_refunded: 1_000, refunded: true });
    const more = await gateway.refund({
      ...request,
      amount: 1,
      idempotencyKey: `refund:${intent}:3`,
    });
    expect(more).toEqual({
      ok: false,
      alreadyRefunded: true,
      retryable: false,
      error: 'charge_already_refunded',
    });
    const events = fake.takeEvents().filter((e) => e.type === 'charge.refunded');
    expect(events.length).toBe(2);
  });

  it('reports Stripe outages as retryable refund failures', async () => {
    const { sessionId } = await gateway.createOrderCheckout(orderCheckout());
    await fake.completeSession(sessionId);
    const intent = (await gateway.retrieveCheckout(sessionId)).paymentIntentId!;
    fake.failNext('POST', '/v1/refunds', 503, 3);
    const outcome = await gateway.refund({
      paymentId: 'p2',
      providerPaymentId: intent,
      amount: 100,
      currency: 'USD',
      idempotencyKey: `refund:${intent}:1`,
      payerTelegramId: 1,
    });
    expect(outcome).toMatchObject({ ok: false, alreadyRefunded: false, retryable: true });
    expect(fake.objects.all('refund').filter((r) => r.payment_intent === intent)).toEqual([]);
  });

  it('subscription checkout: completion gives a subscription and invoice.paid with the period; cancel sends deleted', async () => {
    const workspaceId = '20000000-0000-4000-8000-000000000001';
    const { sessionId } = await gateway.createSubscriptionCheckout({
      idempotencyKey: `sub:${workspaceId}:1`,
      workspaceId,
      amount: 11_000,
      currency: 'USD',
      description: 'LytSlot Pro, 1 month',
      successUrl: 'https://t.me/lytslot_bot',
      cancelUrl: 'https://t.me/lytslot_bot',
    });
    fake.takeEvents();
    await fake.completeSession(sessionId);
    const events = fake.takeEvents();
    expect(events.map((e) => e.type)).toEqual([
      'customer.subscription.created',
      'checkout.session.completed',
      'invoice.paid',
    ]);
    const invoice = (events[2]!.data as { object: Stripe.Invoice }).object;
    expect(invoice.amount_paid).toBe(11_000);
    expect(invoice.parent?.subscription_details?.metadata).toMatchObject({ workspaceId });
    const period = invoice.lines.data[0]!.period;
    expect(period.end - period.start).toBeGreaterThanOrEqual(28 * 86_400);
    const subscriptionId = invoice.parent!.subscription_details!.subscription as string;
    await gateway.cancelSubscription(subscriptionId);
    await fake.settle();
    expect(fake.takeEvents().map((e) => e.type)).toEqual(['customer.subscription.deleted']);
    expect(fake.objects.get('subscription', subscriptionId).status).toBe('canceled');
  });

  it('verifies signatures like Stripe: good passes, a tampered byte or an old timestamp throws', async () => {
    const event = fake.buildEvent('charge.refunded', { id: 'ch_1', object: 'charge' });
    const payload = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);
    const header = signStripePayload(payload, fake.webhookSecret, now);
    expect((await gateway.constructEvent(Buffer.from(payload), header)).id).toBe(event.id);
    // Stripe's own test header generator agrees with the fake's signing.
    const official = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: fake.webhookSecret,
      timestamp: now,
    });
    expect(official).toBe(header);
    const tampered = payload.replace('charge.refunded', 'charge.refundee');
    await expect(gateway.constructEvent(Buffer.from(tampered), header)).rejects.toThrow(
      StripeEventRefused,
    );
    const old = signStripePayload(payload, fake.webhookSecret, now - 301);
    await expect(gateway.constructEvent(Buffer.from(payload), old)).rejects.toThrow(
      StripeEventRefused,
    );
  });
});
