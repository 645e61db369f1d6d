import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import type { StripeGateway } from '../../../models/providers/stripe.js';
import { payments, subscriptions } from '../../../models/schema.js';
import type { StripeFake } from '../../../sandbox/fakes/stripe.js';
import { makeTenant } from '../../factories/channels.js';
import { startStripeWebhook, type StripeWebhookWorld, workspaceRow } from './stripe-helpers.js';

let database: Database;
let fake: StripeFake;
let gateway: StripeGateway;
let world: StripeWebhookWorld;
const clock: Clock = { now: () => new Date(), offsetMs: () => 0 };

beforeAll(async () => {
  world = await startStripeWebhook(clock);
  ({ database, fake, gateway } = world);
});
afterAll(async () => {
  await world?.close();
});

const invoiceOf = (event: Record<string, unknown>) =>
  (event.data as { object: Stripe.Invoice }).object;
const periodEnd = (event: Record<string, unknown>) =>
  new Date(invoiceOf(event).lines.data[0]!.period.end * 1000);

/** A workspace that bought Pro through Stripe Checkout; the fake's events are returned, not sent. */
async function subscribed() {
  const tenant = await makeTenant(database, { title: 'Pro buyer' });
  const { sessionId } = await gateway.createSubscriptionCheckout({
    idempotencyKey: `sub:${tenant.workspaceId}:1`,
    workspaceId: tenant.workspaceId,
    amount: 11_000,
    currency: 'USD',
    description: 'LytSlot Pro',
    successUrl: 'https://t.me/lytslot_bot',
    cancelUrl: 'https://t.me/lytslot_bot',
  });
  await fake.completeSession(sessionId);
  const events = fake.takeEvents();
  const paid = events.find((e) => e.type === 'invoice.paid')!;
  const subscriptionId = invoiceOf(paid).parent!.subscription_details!.subscription as string;
  return { ...tenant, events, paid, subscriptionId };
}

async function deliver(event: Record<string, unknown>) {
  const delivery = await fake.sendEvent(event);
  expect(delivery.status).toBe(200);
  return JSON.parse(delivery.body) as { status: string };
}

async function subscriptionRow(workspaceId: string) {
  const rows = await database.withSystem('test read', (tx) =>
    tx.select().from(subscriptions).where(eq(subscriptions.workspaceId, workspaceId)),
  );
  return rows;
}

describe('Stripe subscription events', () => {
  it('invoice.paid makes the workspace Pro until the invoice line period end, once', async () => {
    const s = await subscribed();
    for (const event of s.events) await deliver(event);
    await deliver(s.paid);
    const ws = await workspaceRow(database, s.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.getTime()).toBe(periodEnd(s.paid).getTime());
    const [row] = await subscriptionRow(s.workspaceId);
    expect(row).toMatchObject({
      provider: 'stripe',
      providerSubscriptionId: s.subscriptionId,
      status: 'active',
    });
    const paid = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.workspaceId, s.workspaceId)),
    );
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      purpose: 'subscription',
      amount: 11_000,
      currency: 'USD',
      providerPaymentId: invoiceOf(s.paid).id,
    });
  });

  it('an older invoice.paid arriving after a newer one never shortens access', async () => {
    const s = await subscribed();
    await fake.renewSubscription(s.subscriptionId);
    const [renewal] = fake.takeEvents();
    expect(periodEnd(renewal!).getTime()).toBeGreaterThan(periodEnd(s.paid).getTime());
    await deliver(renewal!);
    await deliver(s.paid);
    const ws = await workspaceRow(database, s.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.getTime()).toBe(periodEnd(renewal!).getTime());
  });

  it('customer.subscription.deleted before invoice.paid: the paid period is granted, renewal stays off', async () => {
    const s = await subscribed();
    await gateway.cancelSubscription(s.subscriptionId);
    await fake.settle();
    const [deleted] = fake.takeEvents();
    expect(deleted!.type).toBe('customer.subscription.deleted');
    await deliver(deleted!);
    await deliver(s.paid);
    const ws = await workspaceRow(database, s.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.getTime()).toBe(periodEnd(s.paid).getTime());
    const rows = await subscriptionRow(s.workspaceId);
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('customer.subscription.deleted after payment: access kept until the period end, not renewed', async () => {
    const s = await subscribed();
    await deliver(s.paid);
    await gateway.cancelSubscription(s.subscriptionId);
    await fake.settle();
    const [deleted] = fake.takeEvents();
    await deliver(deleted!);
    await deliver(deleted!);
    const ws = await workspaceRow(database, s.workspaceId);
    expect(ws.plan).toBe('pro');
    expect(ws.planExpiresAt?.getTime()).toBe(periodEnd(s.paid).getTime());
    const [row] = await subscriptionRow(s.workspaceId);
    expect(row).toMatchObject({ status: 'cancelled', cancelAtPeriodEnd: true });
  });
});
