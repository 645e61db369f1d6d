import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { stripeWebhookRoutes } from '../../http/webhooks/stripe.js';
import { createLogger } from '../../models/logger.js';
import { orderItems, orders } from '../../models/schema.js';
import { startStripeFake, type StripeFake } from '../../sandbox/fakes/stripe.js';
import {
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../bot/checkout/setup.js';

let fake: StripeFake;
let world: CheckoutWorld;
let server: HttpServer;

beforeAll(async () => {
  fake = await startStripeFake();
  world = await startCheckoutWorld({
    allowLocalLinks: true, // the Stripe/YooKassa fakes' pages are on 127.0.0.1
    jobs: true,
    env: {
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_ROOT: fake.apiRoot,
    },
  });
  const logger = createLogger({ level: 'silent' });
  const gateway = world.deps.providers?.stripe;
  if (!gateway) throw new Error('the harness did not configure Stripe');
  // As main.ts wires it: the owner's review card and the advertiser's news come from the outbox.
  const app = createHttpApp({
    logger,
    metrics: createMetrics(),
    readiness: {},
    routers: [
      stripeWebhookRoutes({
        database: world.database,
        clock: world.clock,
        logger,
        gateway,
      }),
    ],
  });
  server = await startHttpServer(app, '127.0.0.1', 0);
  fake.webhookUrl = `${server.url}/webhooks/stripe`;
});
afterAll(async () => {
  await server?.close();
  await world?.close();
  await fake?.close();
});

/** A held order of two $25 slots in a USD-priced channel (within Telegram's Stars invoice limit too). */
async function usdOrder() {
  const people = await seedPeople(world, { currency: 'USD', prices: { '1/24': 2_500 } });
  const order = { ...people.order, total: 5_000 };
  await world.database.withSystem('test seed: a USD channel order', async (tx) => {
    await tx
      .update(orders)
      .set({ currency: 'USD', subtotal: order.total, total: order.total })
      .where(eq(orders.id, order.orderId));
    await tx.update(orderItems).set({ price: 2_500 }).where(eq(orderItems.orderId, order.orderId));
  });
  return { ...people, order };
}

type Button = { text: string; url?: string; callback_data?: string };
const buttons = (m: { reply_markup?: { inline_keyboard?: Button[][] } }) =>
  (m.reply_markup?.inline_keyboard ?? []).flat();

describe('paying an order with Stripe, only through the bot and the payment page', () => {
  it('the advertiser picks Stripe, pays on the Checkout page; the signed webhook pays the order, a receipt arrives, the owner approves', async () => {
    const { advertiser, owner, order } = await usdOrder();

    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/held, not paid/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
    await advertiser.click('💳 Pay');
    const choice = await advertiser.waitFor((m) => buttons(m).some((b) => /Stripe/.test(b.text)), {
      what: 'the payment method choice',
    });
    // Stars is always offered; the Stripe button shows the total in dollars.
    const labels = buttons(choice).map((b) => b.text);
    expect(labels.some((l) => l.includes('⭐'))).toBe(true);
    const stripeLabel = labels.find((l) => /Stripe/.test(l))!;
    expect(stripeLabel).toMatch(/\$50(\.00)?\b/);
    await advertiser.click(stripeLabel);

    const link = await advertiser.waitFor((m) => buttons(m).some((b) => b.url), {
      what: 'the Checkout link',
    });
    const url = buttons(link).find((b) => b.url)!.url!;
    expect(url.startsWith(fake.apiRoot)).toBe(true);
    const sessionId = url.split('/').pop()!;
    expect(fake.objects.session(sessionId)).toMatchObject({
      status: 'open',
      amount_total: order.total,
      currency: 'usd',
      metadata: { orderId: order.orderId },
    });
    let state = await readOrderState(world, order);
    expect(state.order.status).toBe('awaiting_payment');

    // The customer presses «Pay» on the (fake) Stripe page: Stripe posts the signed events.
    const page = await fetch(url, { method: 'POST' });
    expect(page.status).toBe(200);
    const deliveries = fake.events().filter((e) => e.type === 'checkout.session.completed');
    expect(deliveries).toHaveLength(1);

    state = await readOrderState(world, order);
    expect(['in_review', 'scheduled']).toContain(state.order.status);
    const paid = state.payments.filter((p) => p.status === 'succeeded');
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      provider: 'stripe',
      amount: order.total,
      currency: 'USD',
      providerPaymentId: fake.objects.session(sessionId).payment_intent,
    });

    const receipt = await advertiser.waitFor((m) => /Receipt/.test(m.text ?? ''), {
      what: 'the payment receipt',
    });
    expect(receipt.text).toMatch(/\$50(\.00)?\b/);
    expect(receipt.text).toContain('Stripe');

    // The owner reviews it like any paid order, and approves it.
    await owner.waitFor((m) => /New order to review/.test(m.text ?? ''), {
      what: 'the review card',
    });
    await owner.click('✅ Approve');
    await owner.waitFor((m) => /Approved/.test(m.text ?? ''), { what: 'the approval' });
    expect((await readOrderState(world, order)).order.status).toBe('scheduled');
  });

  it('an expired Checkout Session gives the order back to its hold and tells the advertiser, who then pays with Stars', async () => {
    const { advertiser, order } = await usdOrder();
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/held, not paid/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
    await advertiser.click('💳 Pay');
    const choice = await advertiser.waitFor((m) => buttons(m).some((b) => /Stripe/.test(b.text)), {
      what: 'the payment method choice',
    });
    await advertiser.click(buttons(choice).find((b) => /Stripe/.test(b.text))!.text);
    const link = await advertiser.waitFor((m) => buttons(m).some((b) => b.url), {
      what: 'the Checkout link',
    });
    const sessionId = buttons(link)
      .find((b) => b.url)!
      .url!.split('/')
      .pop()!;

    const [expired] = await fake.expireSession(sessionId);
    expect(expired?.status).toBe(200);
    await advertiser.waitFor((m) => /cancelled/.test(m.text ?? ''), {
      what: 'the cancelled-payment notice',
    });
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('held');
    expect(state.payments.map((p) => p.status)).toEqual(['cancelled']);
    expect(state.payments[0]!.providerPaymentId).toBe(sessionId);

    // The hold is still live: the advertiser pays the same order with Stars instead.
    advertiser.send('/orders');
    await advertiser.waitFor((m) => buttons(m).some((b) => /held, not paid/.test(b.text)), {
      what: 'My orders with the held order',
    });
    await advertiser.click(/held, not paid/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
    await advertiser.click('💳 Pay');
    const again = await advertiser.waitFor(
      (m) => buttons(m).some((b) => b.text.includes('⭐')) && m.message_id !== choice.message_id,
      { what: 'the method choice again' },
    );
    await advertiser.click(buttons(again).find((b) => b.text.includes('⭐'))!.text);
    await advertiser.waitFor((m) => m.invoice !== undefined, { what: 'a Stars invoice' });
    expect((await advertiser.pay()).ok).toBe(true);
    await advertiser.waitFor((m) => /Receipt/.test(m.text ?? ''), { what: 'the Stars receipt' });
    const after = await readOrderState(world, order);
    expect(['in_review', 'scheduled']).toContain(after.order.status);
    const succeeded = after.payments.filter((p) => p.status === 'succeeded');
    expect(succeeded.map((p) => p.provider)).toEqual(['stars']);
  });
});
