import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByTelegramId } from '../../../models/accounts/queries.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { orders, slots } from '../../../models/schema.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { startCheckoutWorld, type CheckoutWorld } from './setup.js';
import { bookableSettings, makeOwnChannel } from '../../factories/channels.js';
import { bookSlotsOnDay } from '../../helpers/booking-steps.js';
import { formatDayShort } from '../../../format/dates.js';

const zone = 'Europe/Moscow';
let world: CheckoutWorld;

beforeAll(async () => {
  // The jobs process tells the other side: the outbox's notifications and review cards.
  world = await startCheckoutWorld({ jobs: true });
});
afterAll(async () => {
  await world?.close();
});

async function signUp(user: TestUser): Promise<string> {
  user.send('/start');
  await user.waitForMessage();
  const account = await world.database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
  if (!account) throw new Error('no account');
  return account.id;
}

async function addChannel(ownerId: string, title: string) {
  const channel = await makeOwnChannel(world.database, ownerId, {
    title,
    language: 'ru',
    settings: {
      ...bookableSettings(zone, 7),
      prices: { '1/24': 100_000 },
      bundleDiscount: { minSlots: 2, percent: 10 },
      requiresMarking: true,
    },
    slotsFrom: world.clock.now(),
  });
  return { channelId: channel.id, workspaceId: channel.workspaceId };
}

const screen = (user: TestUser, what: string) =>
  user.waitFor((m) => m.text?.includes(what) === true, { what });

describe('advertiser books a bundle, hands in a photo creative with marking, pays with Stars; owner approves', () => {
  it('works end to end through X’s booking, Y’s creative and marking, and Z’s checkout and review', async () => {
    const olga = world.sandbox.user({ first_name: 'Olga', language_code: 'en' });
    const anna = world.sandbox.user({ first_name: 'Anna', language_code: 'en' });
    const olgaId = await signUp(olga);
    await signUp(anna);
    const channel = await addChannel(olgaId, 'Olga Travels');

    const sent = await callBotApi(world.sandbox, 'sendMessage', {
      chat_id: anna.id,
      text: 'Channel card',
      reply_markup: {
        inline_keyboard: [[{ text: '🛒 Book', callback_data: `book:start:${channel.channelId}` }]],
      },
    });
    expect(sent.ok).toBe(true);
    const day = formatDayShort(
      DateTime.fromJSDate(world.clock.now(), { zone }).plus({ days: 2 }).toISODate() ?? '',
      'en',
    );
    await bookSlotsOnDay(anna, '🛒 Book', day, ['10:00', '14:00']);
    await anna.click('Continue ›');
    await screen(anna, 'Send the post exactly');
    anna.send({ sticker: true });
    await screen(anna, "This can't be an ad post");
    anna.send({ photo: true, caption: 'Sunny beaches of Crete' });
    await screen(anna, 'Add URL buttons');
    anna.send('Book — javascript:alert(1)');
    await anna.waitForMessage(/not allowed|not a valid link/);
    anna.send('Book — https://travel.example/book');
    await screen(anna, 'Button 1 of');
    anna.send('Prices — https://travel.example/prices');
    await screen(anna, 'Button 2 of');
    await anna.click('✅ Done');
    await screen(anna, "advertiser's name");
    anna.send('ООО Ромашка');
    await screen(anna, 'INN');
    anna.send('1234567890');
    await screen(anna, 'wrong check digit');
    anna.send('7707083893');
    await screen(anna, 'erid token');
    anna.send('Kra23f4dE');
    await screen(anna, 'Is everything right?');
    await anna.click('✅ Looks good');
    await screen(anna, 'The ad is saved');
    await anna.click('Continue to payment ›');

    const summary = await screen(anna, 'To pay');
    expect(summary.text).toContain('Bundle discount');
    expect(summary.text).toContain('Ad marking: ООО Ромашка, INN 7707083893');
    // 2 × 1 000 ₽ − 10 % = 1 800 ₽; 1 800 × 0.77 = 1 386 ⭐
    expect(summary.text).toContain('1,386 ⭐');
    await anna.waitFor((m) => m.invoice !== undefined, { what: 'the invoice' });
    const paid = await anna.pay();
    expect(paid.ok).toBe(true);
    await anna.waitForMessage(/Payment received/);
    await screen(olga, 'New order to review');
    const preview = olga.botMessages().find((m) => m.caption?.includes('Sunny beaches'));
    expect(preview?.caption).toContain('Реклама. ООО Ромашка, ИНН 7707083893. erid: Kra23f4dE');
    expect(preview?.reply_markup?.inline_keyboard?.flat()).toHaveLength(2);
    await olga.click('✅ Approve');
    await screen(olga, 'Approved: the ad is scheduled');
    await screen(anna, 'approved and scheduled');

    const [order] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.workspaceId, channel.workspaceId)),
    );
    expect(order).toMatchObject({
      status: 'scheduled',
      subtotal: 200_000,
      discount: 20_000,
      total: 180_000,
    });
    const booked = await world.database.withSystem('test read', (tx) =>
      tx.select().from(slots).where(eq(slots.orderId, order!.id)),
    );
    expect(booked.map((s) => s.status)).toEqual(['booked', 'booked']);
    const escrow = await world.database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      balanceOf(tx, 'escrow', 'XTR'),
    );
    expect(escrow).toBe(-1386);
  });
});
