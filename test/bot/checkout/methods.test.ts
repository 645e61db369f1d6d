import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../format/money.js';
import { confirmPendingPayments } from '../../../models/payments/confirm-pending-payments.js';
import { starsFor } from '../../../models/payments/stars-amount.js';
import { orders } from '../../../models/schema.js';
import { startStripeFake, type StripeFake } from '../../../sandbox/fakes/stripe.js';
import { startYooKassaFake, type YooKassaFake } from '../../../sandbox/fakes/yookassa.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { readOrderState, seedPeople, startCheckoutWorld, type CheckoutWorld } from './setup.js';

let stripe: StripeFake;
let yookassa: YooKassaFake;
let world: CheckoutWorld;
let starsOnly: CheckoutWorld;

const buttons = (m: ApiMessage) => (m.reply_markup?.inline_keyboard ?? []).flat();
const labels = (m: ApiMessage) => buttons(m).map((b) => b.text);
/** A message with a «Pay …» link button (not the order card's callback «Pay»). */
const hasPayLink = (m: ApiMessage) =>
  buttons(m).some((b) => 'url' in b && Boolean(b.url) && b.text.startsWith('💳 Pay'));

beforeAll(async () => {
  stripe = await startStripeFake();
  yookassa = await startYooKassaFake();
  world = await startCheckoutWorld({
    allowLocalLinks: true, // the Stripe/YooKassa fakes' pages are on 127.0.0.1
    jobs: true,
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_ROOT: stripe.apiRoot,
      YOOKASSA_SHOP_ID: yookassa.shopId,
      YOOKASSA_SECRET_KEY: yookassa.secretKey,
      YOOKASSA_API_ROOT: yookassa.apiRoot,
    },
  });
  starsOnly = await startCheckoutWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
  await starsOnly?.close();
  await stripe?.close();
  await yookassa?.close();
});

/** The advertiser opens the order card and presses «Pay»: the methods are offered. */
async function openMethods(advertiser: TestUser): Promise<ApiMessage> {
  advertiser.send('/orders');
  await advertiser.waitForMessage(/My orders/);
  await advertiser.click(/held, not paid/);
  await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
  await advertiser.click('💳 Pay');
  return advertiser.waitFor((m) => (m.text ?? '').includes('Choose how to pay'), {
    what: 'the payment methods',
  });
}

describe('checkout: the advertiser picks a payment method', () => {
  it('a RUB order offers Stars and YooKassa (not Stripe), each with the total in its currency', async () => {
    const { advertiser, order } = await seedPeople(world);
    const offer = await openMethods(advertiser);
    const rates = { starsPerRub: world.deps.config.starsPerRub, starsPerUsd: 1 };
    expect(labels(offer)).toEqual([
      `⭐ Telegram Stars — ${formatMoney(starsFor(order.total, 'RUB', rates), 'XTR', 'en')}`,
      `💳 YooKassa (cards, SBP) — ${formatMoney(order.total, 'RUB', 'en')}`,
    ]);
    await advertiser.click(/YooKassa/);
    const link = await advertiser.waitFor(hasPayLink, {
      what: 'the YooKassa link',
    });
    const created = yookassa.payments();
    expect(created).toHaveLength(1);
    const payment = created[0]!;
    const url = (payment.confirmation as { confirmation_url: string }).confirmation_url;
    expect(buttons(link)[0]).toMatchObject({ url });
    expect(payment.amount).toEqual({ value: (order.total / 100).toFixed(2), currency: 'RUB' });
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('awaiting_payment');
    expect(state.payments).toEqual([
      expect.objectContaining({
        provider: 'yookassa',
        status: 'pending',
        providerPaymentId: payment.id,
        confirmationUrl: url,
      }),
    ]);

    // Pressing the method again sends the same link: no second payment at YooKassa.
    await advertiser.click(/YooKassa/);
    await advertiser.waitFor((m) => m.message_id !== link.message_id && hasPayLink(m));
    expect(yookassa.payments()).toHaveLength(1);

    // The hold runs out while the payer is on YooKassa's page: the order is kept, then paid.
    world.clock.setOffsetMs(world.clock.offsetMs() + 30 * 60_000);
    yookassa.succeed(String(payment.id));
    const outcomes = await confirmPendingPayments(
      world.database,
      world.deps.providers ?? {},
      world.clock,
    );
    expect(outcomes).toContainEqual(
      expect.objectContaining({ kind: 'paid', outcome: expect.objectContaining({ kind: 'paid' }) }),
    );
    const receipt = await advertiser.waitFor((m) => (m.text ?? '').includes('Receipt'), {
      what: 'the payment receipt',
      timeoutMs: 15_000,
    });
    expect(receipt.text).toContain(order.orderId.slice(0, 8));
    expect(receipt.text).toContain('YooKassa');
    expect(receipt.text).toContain(formatMoney(order.total, 'RUB', 'en'));
    expect(receipt.text).toContain(formatMoney(order.total * 0.2, 'RUB', 'en'));
    const paid = await readOrderState(world, order);
    expect(['in_review', 'scheduled']).toContain(paid.order.status);
  });

  it('a USD order offers Stars and Stripe; Stripe answers with a Checkout link', async () => {
    const { advertiser, order } = await seedPeople(world);
    await world.database.withSystem('test: a USD order', (tx) =>
      tx
        .update(orders)
        .set({ currency: 'USD', subtotal: 1_000, total: 1_000 })
        .where(eq(orders.id, order.orderId)),
    );
    order.total = 1_000;
    const offer = await openMethods(advertiser);
    const rates = { starsPerRub: 1, starsPerUsd: world.deps.config.starsPerUsd };
    expect(labels(offer)).toEqual([
      `⭐ Telegram Stars — ${formatMoney(starsFor(order.total, 'USD', rates), 'XTR', 'en')}`,
      `💳 Card (Stripe) — ${formatMoney(order.total, 'USD', 'en')}`,
    ]);
    await advertiser.click(/Stripe/);
    const link = await advertiser.waitFor(hasPayLink, {
      what: 'the Stripe link',
    });
    const state = await readOrderState(world, order);
    const pending = state.payments.find((p) => p.status === 'pending');
    expect(pending).toMatchObject({ provider: 'stripe', currency: 'USD', amount: order.total });
    expect(pending?.providerPaymentId).toMatch(/^cs_/);
    expect(buttons(link)[0]?.url).toBe(pending?.confirmationUrl);

    // Changing one's mind: Stars voids the Stripe payment (one live pending payment).
    await advertiser.click(/Telegram Stars/);
    await advertiser.waitFor((m) => m.invoice !== undefined, { what: 'a Stars invoice' });
    const after = await readOrderState(world, order);
    expect(after.payments.filter((p) => p.status === 'pending').map((p) => p.provider)).toEqual([
      'stars',
    ]);
  });

  it('with no gateway configured the Stars invoice comes at once, as before', async () => {
    const { advertiser } = await seedPeople(starsOnly);
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/held, not paid/);
    await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
    await advertiser.click('💳 Pay');
    await advertiser.waitFor((m) => m.invoice !== undefined, { what: 'an invoice' });
    expect(advertiser.botMessages().some((m) => (m.text ?? '').includes('Choose how to pay'))).toBe(
      false,
    );
  });
});

describe('/paysupport', () => {
  it('explains refunds and support in English and in Russian', async () => {
    const en = starsOnly.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    en.send('/paysupport');
    const english = await en.waitForMessage(/Payments and refunds/);
    expect(english.text).toContain('/support');
    expect(english.text).toContain('full refund');
    const ru = starsOnly.sandbox.user({ first_name: 'Иван', language_code: 'ru' });
    ru.send('/paysupport');
    const russian = await ru.waitForMessage(/Оплата и возвраты/);
    expect(russian.text).toContain('/support');
    expect(russian.text).toContain('полный возврат');
  });

  it('is in the command menu in both languages', async () => {
    const ru = await callBotApi(starsOnly.sandbox, 'getMyCommands', { language_code: 'ru' });
    expect(ru.result).toContainEqual({ command: 'paysupport', description: 'Оплата и возвраты' });
    const en = await callBotApi(starsOnly.sandbox, 'getMyCommands', { language_code: 'en' });
    expect(en.result).toContainEqual({
      command: 'paysupport',
      description: 'Payments and refunds',
    });
  });
});
