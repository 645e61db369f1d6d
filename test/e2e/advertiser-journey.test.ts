import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByTelegramId } from '../../models/accounts/queries.js';
import { startCheckoutWorld, type CheckoutWorld } from '../bot/checkout/setup.js';
import type { TestUser } from '../helpers/telegram-user.js';
import { bookSlotsOnDay } from '../helpers/booking-steps.js';
import { bookableSettings, makeOwnChannel } from '../factories/channels.js';
import { formatDayShort } from '../../format/dates.js';

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
  await user.waitForMessage('Who are you here?');
  const account = await world.database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
  if (!account) throw new Error('no account');
  return account.id;
}

/** The owner side is covered by test/e2e/owner-journey.test.ts; here the channel is set up directly. */
async function sellingChannel(ownerId: string) {
  const { shareCode } = await makeOwnChannel(world.database, ownerId, {
    title: 'Olga Travels',
    username: 'olga_travels_demo',
    subscribers: 12_400,
    settings: {
      ...bookableSettings(zone, 7),
      prices: { '1/24': 100_000 },
      bundleDiscount: { minSlots: 2, percent: 10 },
      requiresMarking: true,
      category: 'travel',
    },
    slotsFrom: world.clock.now(),
  });
  return { shareCode };
}

const screen = (user: TestUser, what: string | RegExp) =>
  user.waitFor(
    (m) => (typeof what === 'string' ? m.text?.includes(what) === true : what.test(m.text ?? '')),
    {
      what: String(what),
    },
  );
const hasButton =
  (label: string) => (m: { reply_markup?: { inline_keyboard?: { text: string }[][] } }) =>
    (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);

describe('an advertiser, from the catalog to a scheduled order, only through the bot', () => {
  it('finds the channel by deep link, catalog and search, books a bundle, hands in the ad, pays; the owner approves', async () => {
    const olga = world.sandbox.user({ first_name: 'Olga', language_code: 'en' });
    const anna = world.sandbox.user({ first_name: 'Anna', language_code: 'en' });
    const { shareCode } = await sellingChannel(await signUp(olga));
    await signUp(anna);

    // The owner's share link opens the card directly.
    anna.send(`/start ch_${shareCode}`);
    const linked = await screen(anna, 'Next free slots');
    expect(linked.text).toContain('Olga Travels');

    // The catalog lists it; search finds it; its card offers booking.
    anna.send('/start');
    await anna.waitFor(hasButton('🎯 I advertise'), { what: 'the role menu' });
    await anna.click('🎯 I advertise');
    await anna.waitFor(hasButton('🔎 Find channels'), { what: 'the advertiser screen' });
    await anna.click('🔎 Find channels');
    expect((await screen(anna, 'Channel catalog')).text).toContain('Olga Travels');
    await anna.click('🔍 Search');
    await anna.waitForMessage("Send part of the channel's name");
    anna.send('travels');
    await anna.waitFor(hasButton('📣 Olga Travels'), { what: 'the search results' });
    await anna.click('📣 Olga Travels');
    await anna.waitFor(hasButton('📅 Book'), { what: 'the card' });

    // A bundle of two slots on one day: 2 × 1 000 ₽ − 10 %.
    const day = formatDayShort(
      DateTime.fromJSDate(world.clock.now(), { zone }).plus({ days: 2 }).toISODate() ?? '',
      'en',
    );
    await bookSlotsOnDay(anna, '📅 Book', day, ['10:00', '14:00']);
    await anna.click('Continue ›');
    await screen(anna, 'Send the post exactly');
    anna.send('x'.repeat(5_000));
    await anna.waitForMessage(/too long/i);
    anna.send({ photo: true, caption: 'Sunny beaches of Crete' });
    await screen(anna, 'Add URL buttons');
    anna.send('Book — https://travel.example/book');
    await screen(anna, 'Button 1 of');
    anna.send('Prices — https://travel.example/prices');
    await screen(anna, 'Button 2 of');
    await anna.click('✅ Done');
    await screen(anna, "advertiser's name");
    anna.send('ООО Ромашка');
    await screen(anna, 'INN');
    anna.send('7707083893');
    await screen(anna, 'erid token');
    anna.send('Kra23f4dE');
    const preview = await screen(anna, 'Is everything right?');
    expect(preview).toBeDefined();
    const shown = anna.botMessages().find((m) => m.caption?.includes('Sunny beaches'));
    expect(shown?.caption).toContain('Реклама. ООО Ромашка, ИНН 7707083893. erid: Kra23f4dE');
    const urls = (shown?.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ('url' in b ? String(b.url) : ''));
    expect(urls).toEqual([
      'https://travel.example/book?erid=Kra23f4dE',
      'https://travel.example/prices?erid=Kra23f4dE',
    ]);
    await anna.click('✅ Looks good');
    await screen(anna, 'The ad is saved');
    await anna.click('Continue to payment ›');
    expect((await screen(anna, 'To pay')).text).toContain('1,386 ⭐');
    await anna.waitFor((m) => m.invoice !== undefined, { what: 'the invoice' });
    expect((await anna.pay()).ok).toBe(true);
    await anna.waitForMessage(/Payment received/);

    // The owner reviews and approves; both see it scheduled.
    await screen(olga, 'New order to review');
    await olga.click('✅ Approve');
    await screen(olga, 'Approved: the ad is scheduled');
    await screen(anna, 'approved and scheduled');
    anna.send('/orders');
    const list = await screen(anna, 'My orders');
    const items = (list.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(items.some((label) => label.includes('🗓 scheduled'))).toBe(true);
  });
});
