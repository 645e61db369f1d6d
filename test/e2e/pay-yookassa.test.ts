import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../http/server.js';
import { yooKassaWebhookRoutes } from '../../http/webhooks/yookassa.js';
import { findAccountByTelegramId } from '../../models/accounts/queries.js';
import { balanceOf } from '../../models/ledger/queries.js';
import { createLogger } from '../../models/logger.js';
import { orders, payments } from '../../models/schema.js';
import { startYooKassaFake, type YooKassaFake } from '../../sandbox/fakes/yookassa.js';
import { startCheckoutWorld, type CheckoutWorld } from '../bot/checkout/setup.js';
import { bookSlotsOnDay } from '../helpers/booking-steps.js';
import { everyDayAt, makeOwnChannel } from '../factories/channels.js';
import type { TestUser } from '../helpers/telegram-user.js';
import { formatDayShort } from '../../format/dates.js';

const zone = 'Europe/Moscow';
/** YooKassa's side of the loopback: notifications come from here (the route's allow-list in tests). */
const yooKassaAddress = '127.0.0.2';
let fake: YooKassaFake;
let world: CheckoutWorld;
let server: HttpServer;

beforeAll(async () => {
  fake = await startYooKassaFake();
  world = await startCheckoutWorld({
    allowLocalLinks: true, // the Stripe/YooKassa fakes' pages are on 127.0.0.1
    jobs: true,
    env: {
      YOOKASSA_SHOP_ID: fake.shopId,
      YOOKASSA_SECRET_KEY: fake.secretKey,
      YOOKASSA_API_ROOT: fake.apiRoot,
    },
  });
  const logger = createLogger({ level: 'silent' });
  const gateway = world.deps.providers?.yookassa;
  if (!gateway) throw new Error('YooKassa is not configured in the harness');
  const app = createHttpApp({
    logger,
    metrics: createMetrics(),
    readiness: {},
    routers: [
      yooKassaWebhookRoutes({
        database: world.database,
        clock: world.clock,
        logger,
        gateway,
        allowedAddresses: [`${yooKassaAddress}/32`],
        // As main.ts wires it: the owner's review card and the advertiser's news come from the outbox.
      }),
    ],
  });
  server = await startHttpServer(app, '127.0.0.1', 0);
  fake.webhookUrl = `${server.url}/webhooks/yookassa`;
});
afterAll(async () => {
  await server?.close();
  await world?.close();
  await fake?.close();
});

async function signUp(user: TestUser): Promise<string> {
  user.send('/start');
  await user.waitForMessage('Who are you here?');
  const account = await world.database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
  if (!account) throw new Error('no account');
  return account.id;
}

/** The owner side is covered elsewhere: a RUB channel (1 000 ₽ per 1/24) is set up directly. */
async function sellingChannel(
  ownerId: string,
): Promise<{ shareCode: string; workspaceId: string }> {
  const { shareCode, workspaceId } = await makeOwnChannel(world.database, ownerId, {
    title: 'Olga Travels',
    username: 'olga_travels_yk',
    subscribers: 12_400,
    settings: {
      timezone: zone,
      schedule: everyDayAt('10:00', '14:00'),
      prices: { '1/24': 100_000 },
      leadTimeMinutes: 0,
      horizonDays: 7,
      requiresMarking: false,
      category: 'travel',
    },
    slotsFrom: world.clock.now(),
  });
  return { shareCode, workspaceId };
}

const screen = (user: TestUser, what: string | RegExp) =>
  user.waitFor(
    (m) => (typeof what === 'string' ? m.text?.includes(what) === true : what.test(m.text ?? '')),
    { what: String(what) },
  );
const buttons = (m: { reply_markup?: { inline_keyboard?: { text: string }[][] } }) =>
  (m.reply_markup?.inline_keyboard ?? []).flat();

describe('paying an order with YooKassa, through the bot and the fake', () => {
  it('books a RUB slot, chooses YooKassa, pays on the confirmation page; the notification marks it paid and a receipt comes', async () => {
    const olga = world.sandbox.user({ first_name: 'Olga', language_code: 'en' });
    const anna = world.sandbox.user({ first_name: 'Anna', language_code: 'en' });
    const { shareCode, workspaceId } = await sellingChannel(await signUp(olga));
    await signUp(anna);

    anna.send(`/start ch_${shareCode}`);
    await screen(anna, 'Next free slots');
    const day = formatDayShort(
      DateTime.fromJSDate(world.clock.now(), { zone }).plus({ days: 2 }).toISODate() ?? '',
      'en',
    );
    await bookSlotsOnDay(anna, '📅 Book', day, ['10:00']);
    await anna.click('Continue ›');
    await screen(anna, 'Send the post exactly');
    anna.send('Sunny beaches of Crete — book your summer now');
    await screen(anna, 'Add URL buttons');
    await anna.click('⏭ No buttons');
    await screen(anna, 'Is everything right?');
    await anna.click('✅ Looks good');
    await screen(anna, 'The ad is saved');
    await anna.click('Continue to payment ›');

    // Stars and YooKassa are offered, each with the total in its own currency.
    const choice = await screen(anna, 'Choose how to pay');
    const labels = buttons(choice).map((b) => b.text);
    expect(labels.some((l) => l.includes('⭐'))).toBe(true);
    const yooKassaLabel = labels.find((l) => l.includes('YooKassa'));
    expect(yooKassaLabel).toMatch(/1,000/);
    expect(yooKassaLabel).toMatch(/RUB|₽/);
    expect(labels.some((l) => l.includes('Stripe'))).toBe(false);
    await anna.click(/YooKassa/);

    // The bot sends the payment page link YooKassa gave.
    const link = await anna.waitFor(
      (m) => buttons(m).some((b) => 'url' in b && String(b.url).includes('/checkout/payments/')),
      { what: 'the YooKassa link' },
    );
    const url = String(
      buttons(link)
        .map((b) => ('url' in b ? b.url : ''))
        .find((u) => String(u).includes('/checkout/payments/')),
    );
    const paymentId = url.split('/').pop()!;
    expect(fake.payment(paymentId)).toMatchObject({
      status: 'pending',
      amount: { value: '1000.00', currency: 'RUB' },
      confirmation: { type: 'redirect' },
    });

    const read = () =>
      world.database.withSystem('test read', async (tx) => {
        const [payment] = await tx
          .select()
          .from(payments)
          .where(eq(payments.providerPaymentId, paymentId));
        const [order] = payment
          ? await tx.select().from(orders).where(eq(orders.id, payment.orderId!))
          : [];
        return { payment, order };
      });
    const before = await read();
    expect(before.payment?.status).toBe('pending');
    expect(before.order?.status).toBe('awaiting_payment');

    // The payer confirms on YooKassa's page; YooKassa notifies us from its address.
    const object = fake.succeed(paymentId);
    expect(await fake.notify('payment.succeeded', object, yooKassaAddress)).toBe(200);
    expect(await fake.notify('payment.succeeded', object, yooKassaAddress)).toBe(200);

    const after = await read();
    expect(after.payment?.status).toBe('succeeded');
    expect(after.order?.status).toBe('in_review');
    const escrow = await world.database.withScope({ workspaceId }, (tx) =>
      balanceOf(tx, 'escrow', 'RUB'),
    );
    expect(escrow).toBe(-100_000);

    const receipt = await screen(anna, 'Receipt');
    expect(receipt.text).toContain('YooKassa');
    expect(receipt.text).toMatch(/1,000/);
    await screen(olga, 'New order to review');
    expect(anna.botMessages().filter((m) => m.text?.includes('Receipt'))).toHaveLength(1);
  });
});
