import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByTelegramId } from '../../../models/accounts/queries.js';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import { holdSlot } from '../../../models/orders/hold-slot.js';
import { accounts, orderItems, slots } from '../../../models/schema.js';
import { callBotApi } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { bookableSettings, makeOwnChannel } from '../../factories/channels.js';
import { formatDayShort } from '../../../format/dates.js';

const zone = 'Europe/Berlin';
let h: BotHarness;
let olga: TestUser;
let pavel: TestUser;
let anna: TestUser;
let annaId: string;

async function signUp(user: TestUser): Promise<string> {
  user.send('/start');
  await user.waitForMessage();
  const account = await h.database.withScope({}, (tx) => findAccountByTelegramId(tx, user.id));
  if (!account) throw new Error('no account');
  return account.id;
}

async function addChannel(ownerId: string, title: string, extra: Partial<ChannelSettings> = {}) {
  const channel = await makeOwnChannel(h.database, ownerId, {
    title,
    language: 'en',
    settings: {
      ...bookableSettings(zone, 14),
      prices: { '1/24': 1_500, '2/48': 2_500 },
      ...extra,
    },
    slotsFrom: h.deps.clock.now(),
  });
  return { channelId: channel.id, workspaceId: channel.workspaceId };
}

/** Stands in for the catalog card: a bot message with the «Book» entry button. */
async function sendEntry(user: TestUser, data: string, text = '🛒 Book') {
  const sent = await callBotApi(h.sandbox, 'sendMessage', {
    chat_id: user.id,
    text: 'Channel card',
    reply_markup: { inline_keyboard: [[{ text, callback_data: data }]] },
  });
  expect(sent.ok).toBe(true);
}

const tomorrow = () => DateTime.fromJSDate(h.deps.clock.now(), { zone }).plus({ days: 1 });
const dayButton = () => formatDayShort(tomorrow().toISODate() ?? '', 'en');
let annaZone = 'UTC';
/** '14:00 (13:00)': the channel's time and Anna's (her account's timezone) when they differ. */
function timeButton(hour: number): string {
  const at = tomorrow().set({ hour, minute: 0, second: 0, millisecond: 0 });
  const own = at.setZone(annaZone).toFormat('HH:mm');
  const channel = at.toFormat('HH:mm');
  return own === channel ? channel : `${channel} (${own})`;
}
const hasButton =
  (text: string) => (m: { reply_markup?: { inline_keyboard?: { text: string }[][] } }) =>
    (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === text);

/** Format → tomorrow → the hour, waiting each time for this channel's screen (old messages keep their buttons). */
async function openTimes(user: TestUser, title: string, format: string, hour: number) {
  const screen = (what: string, button: string) =>
    user.waitFor(
      (m) => m.text?.includes(what) === true && m.text.includes(title) && hasButton(button)(m),
      {
        what: `${what} of ${title}`,
      },
    );
  await screen('Choose the ad format', format);
  await user.click(format);
  await screen('Choose a day', dayButton());
  await user.click(dayButton());
  await screen('Choose a time', timeButton(hour));
}

async function pickSlot(user: TestUser, title: string, format: string, hour: number) {
  await openTimes(user, title, format, hour);
  return user.click(timeButton(hour));
}

let news: { channelId: string; workspaceId: string };
let tech: { channelId: string; workspaceId: string };

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.user({ first_name: 'Olga', language_code: 'en' });
  pavel = h.sandbox.user({ first_name: 'Pavel', language_code: 'en' });
  anna = h.sandbox.user({ first_name: 'Anna', username: 'anna_ads', language_code: 'en' });
  const olgaId = await signUp(olga);
  const pavelId = await signUp(pavel);
  annaId = await signUp(anna);
  const [row] = await h.database.withScope({}, (tx) =>
    tx.select({ timezone: accounts.timezone }).from(accounts).where(eq(accounts.id, annaId)),
  );
  annaZone = row?.timezone ?? 'UTC';
  news = await addChannel(olgaId, 'Olga <News>', { bundleDiscount: { minSlots: 2, percent: 10 } });
  tech = await addChannel(pavelId, 'Pavel Tech');
});

afterAll(async () => {
  await h?.close();
});

describe('booking', () => {
  it('books two slots of one channel and one of another: a bundle with the discount shown', async () => {
    await sendEntry(anna, `book:start:${news.channelId}`);
    await anna.click('🛒 Book');
    await anna.waitFor((m) => m.text?.includes('Choose the ad format') === true, {
      what: 'formats',
    });
    expect(anna.botMessages().at(-1)?.text).toContain('−10%');
    await pickSlot(anna, 'Olga <News>', '1/24 · $15', 10);
    const cart = await anna.waitFor((m) => m.text?.includes('Your order') === true, {
      what: 'cart',
    });
    expect(cart.text).toContain('Held: Olga <News>');
    expect(cart.text).toContain('Total $15');
    expect(cart.text).toMatch(/Held for another 1[45] min/);

    await anna.click('➕ Another slot');
    await pickSlot(anna, 'Olga <News>', '2/48 · $25', 14);
    const discounted = await anna.waitFor((m) => m.text?.includes('discount −$4') === true, {
      what: 'discounted cart',
    });
    expect(discounted.text).toContain('Subtotal $40 · discount −$4 · total $36');

    await sendEntry(anna, `book:start:${tech.channelId}`);
    await anna.click('🛒 Book');
    await pickSlot(anna, 'Pavel Tech', '1/24 · $15', 18);
    const both = await anna.waitFor(
      (m) => m.text?.includes('Pavel Tech') === true && m.text.includes('Your order'),
      {
        what: 'two-channel cart',
      },
    );
    expect(both.text).toContain('Olga <News>');
    expect(both.text).toContain('separate invoice');
    const buttons = (both.reply_markup?.inline_keyboard ?? []).flat();
    const next = buttons.find((b) => b.text === 'Continue ›');
    expect(next && 'callback_data' in next ? next.callback_data : '').toMatch(
      /^crt:start:[0-9a-f-]{36}$/,
    );
    expect(buttons.some((b) => b.text === '🔎 Other channels')).toBe(true);
    expect(buttons.filter((b) => b.text.startsWith('🗑'))).toHaveLength(3);
  });

  it('a race loser is told the slot was just taken and offered the nearest free ones', async () => {
    const rival = await signUp(h.sandbox.user({ first_name: 'Rita', language_code: 'en' }));
    await sendEntry(anna, `book:start:${tech.channelId}`);
    await anna.click('🛒 Book');
    await openTimes(anna, 'Pavel Tech', '1/24 · $15', 10);
    const at = tomorrow().set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    const won = await holdSlot(
      h.database,
      { accountId: rival, channelId: tech.channelId, startsAt: at, format: '1/24' },
      h.deps.clock,
    );
    expect(won.ok).toBe(true);
    await anna.click(timeButton(10));
    const lost = await anna.waitFor((m) => m.text?.includes('just taken') === true, {
      what: 'taken',
    });
    expect(lost.text).toContain('nearest free');
    expect(hasButton(timeButton(14))(lost)).toBe(true);
    const items = await h.database.withScope({ workspaceId: tech.workspaceId }, (tx) =>
      tx
        .select()
        .from(orderItems)
        .innerJoin(slots, eq(slots.id, orderItems.slotId))
        .where(and(eq(slots.startsAt, at), eq(orderItems.advertiserAccountId, annaId))),
    );
    expect(items).toHaveLength(0);
  });

  it('whitelist-only: request access, the owner allows in one tap, then booking works', async () => {
    const olgaAccount = await h.database.withScope({}, (tx) =>
      findAccountByTelegramId(tx, olga.id),
    );
    const vip = await addChannel(olgaAccount?.id ?? '', 'Olga VIP', { whitelistOnly: true });
    await sendEntry(anna, `book:start:${vip.channelId}`);
    await anna.click('🛒 Book');
    await anna.waitFor((m) => m.text?.includes('sells only to advertisers') === true, {
      what: 'wl',
    });
    await anna.click('🔑 Request access');
    await anna.waitFor((m) => m.text?.includes('Request sent') === true, { what: 'sent' });
    const request = await olga.waitFor((m) => m.text?.includes('Access request') === true, {
      what: 'owner request',
    });
    expect(request.text).toContain('@anna_ads');
    expect(request.text).toContain('Olga VIP');
    await olga.click('✅ Allow');
    await olga.waitFor((m) => m.text?.includes('may now book') === true, { what: 'owner done' });
    await anna.waitFor((m) => m.text?.includes('approved your access') === true, {
      what: 'approved',
    });
    await anna.click('🛒 Book Olga VIP');
    await pickSlot(anna, 'Olga VIP', '1/24 · $15', 18);
    await anna.waitFor((m) => m.text?.includes('Held: Olga VIP') === true, { what: 'vip held' });
  });

  it('forged or stale buttons get a clear answer and change nothing', async () => {
    const bad = async (data: string) => {
      await sendEntry(anna, data, 'Forged');
      return anna.click('Forged');
    };
    expect(await bad(`book:d:${news.channelId}:1-24:20261399`)).toMatchObject({
      text: 'This slot is not for sale any more. Choose another one.',
      show_alert: true,
    });
    expect(await bad(`book:f:${news.channelId}:p99`)).toMatchObject({
      text: 'This format is not offered by the channel any more.',
    });
    expect(await bad(`book:t:${news.channelId}:1-24:1000`)).toMatchObject({
      text: 'Too late to book this slot: the channel needs more lead time.',
    });
    expect(await bad('book:rm:00000000-0000-4000-8000-000000000000')).toMatchObject({
      text: 'This item can no longer be changed.',
    });
    expect(await bad('book:start:00000000-0000-4000-8000-000000000000')).toBeDefined();
    await anna.waitFor((m) => m.text?.includes('cannot be booked now') === true, { what: 'gone' });
  });

  it('cancel releases every held slot of the bundle', async () => {
    await sendEntry(anna, 'book:cart', 'Cart');
    await anna.click('Cart');
    await anna.waitFor(hasButton('✖ Cancel'), { what: 'cart' });
    await anna.click('✖ Cancel');
    await anna.waitFor(hasButton('Yes, cancel'), { what: 'confirm' });
    await anna.click('Yes, cancel');
    await anna.waitFor((m) => m.text?.includes('order was cancelled') === true, { what: 'done' });
    const held = await h.database.withScope({ workspaceId: news.workspaceId }, (tx) =>
      tx.select().from(slots).where(eq(slots.status, 'held')),
    );
    expect(held).toHaveLength(0);
  });
});
