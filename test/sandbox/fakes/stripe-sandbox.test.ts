import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config.js';
import { startApp, type App } from '../../../main.js';
import type { Database } from '../../../models/db.js';
import { createStripeGateway } from '../../../models/providers/stripe.js';
import { createYooKassaGateway } from '../../../models/providers/yookassa.js';
import { postJson } from '../../../sandbox/fakes/yookassa-wire.js';
import { webhookEvents } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';

let database: Database;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  const parsed = parseConfig({
    ROLES: 'bot,http',
    HTTP_PORT: '0',
    SANDBOX_PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  app = await startApp(parsed.value);
});
afterAll(async () => {
  await app?.stop();
  await database?.close();
});

describe('the sandbox without Stripe keys', () => {
  it('runs a local fake Stripe whose pay page sends signed events to POST /webhooks/stripe', async () => {
    const stripe = app.config.stripe;
    expect(stripe?.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const gateway = createStripeGateway(stripe!);
    const { url } = await gateway.createOrderCheckout({
      idempotencyKey: 'sandbox-test',
      orderId: '00000000-0000-4000-8000-000000000001',
      paymentId: '00000000-0000-4000-8000-000000000002',
      amount: 1_500,
      currency: 'EUR',
      description: 'Sandbox test',
      successUrl: 'https://t.me/x',
      cancelUrl: 'https://t.me/x',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Pay</button>');
    // Paying posts checkout.session.completed to the app; the signature is accepted (no such
    // order here, so the app acknowledges and changes nothing) — a bad signature would be a 400.
    const paid = await fetch(url, { method: 'POST' });
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('complete');
    const events = await database.withSystem('test read', (tx) =>
      tx.select().from(webhookEvents).where(eq(webhookEvents.provider, 'stripe')),
    );
    expect(events.map((e) => (e.payload as { type: string }).type)).toEqual([
      'checkout.session.completed',
    ]);
    const unsigned = await fetch(`${app.httpUrl}/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(400);
  });
});

describe('the sandbox without YooKassa keys', () => {
  it('runs a local fake YooKassa whose notifications from loopback are accepted (others are not)', async () => {
    const yookassa = app.config.yookassa;
    expect(yookassa?.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const gateway = createYooKassaGateway(yookassa!);
    const payment = await gateway.createPayment({
      idempotenceKey: 'sandbox-test',
      amount: 150_000,
      currency: 'RUB',
      description: 'Sandbox test',
      returnUrl: 'https://t.me/x',
      metadata: { orderId: '00000000-0000-4000-8000-000000000003' },
    });
    const page = await fetch(payment.confirmationUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('1500.00 RUB');
    const notify = (from: string) =>
      postJson(
        `${app.httpUrl}/webhooks/yookassa`,
        { type: 'notification', event: 'payment.succeeded', object: { id: payment.paymentId } },
        from,
        {},
      );
    // From loopback the notification is taken and the payment re-fetched: still pending ⇒ 409, so
    // YooKassa would send it again; any other address is refused before anything is read.
    expect(await notify('127.0.0.1')).toBe(409);
    expect(await notify('127.0.0.2')).toBe(403);
  });
});
