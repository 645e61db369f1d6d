import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, slots } from '../../models/schema.js';
import { type BotHarness, startBotHarness } from '../bot/harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h?.close();
});

const zone = 'Europe/Berlin';

const hasButton =
  (label: string) =>
  (m: { reply_markup?: { inline_keyboard?: { text: string }[][] } }): boolean =>
    (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);

describe('an owner, from /start to a blocked slot, only through the bot', () => {
  it('adds the bot, verifies the channel, sets schedule and price, sees the calendar, blocks a slot', async () => {
    const nina = h.sandbox.user({ first_name: 'Nina', language_code: 'en' });
    const channel = nina.createChannel({
      title: 'Tech Daily',
      username: 'tech_daily_demo',
      subscribers: 5_000,
    });
    nina.send('/start');
    await nina.waitForMessage('Who are you here?');
    await nina.click('📢 I own channels');
    await nina.waitFor(hasButton('➕ Add a channel'), { what: 'the owner menu' });
    await nina.click('➕ Add a channel');
    await nina.waitFor(
      (m) =>
        m.text?.includes('startchannel') === true ||
        (m.reply_markup?.inline_keyboard ?? [])
          .flat()
          .some((b) => 'url' in b && String(b.url).includes('startchannel')),
      { what: 'the add-channel screen' },
    );

    channel.addBot();
    await nina.waitForMessage('Tech Daily');
    await nina.click('✅ Finish setup');
    await nina.waitFor((m) => m.text?.includes('The channel Tech Daily is added') === true, {
      what: 'the card',
    });

    await nina.click('⚙️ Selling settings');
    await nina.waitFor(hasButton('🌍 Time zone'), { what: 'the selling summary' });
    await nina.click('🌍 Time zone');
    await nina.waitFor(hasButton(zone), { what: 'the time zones' });
    await nina.click(zone);
    await nina.waitFor((m) => m.text?.includes(`Time zone: ${zone}`) === true, {
      what: 'time zone saved',
    });

    await nina.click('🗓 Schedule');
    await nina.waitFor(hasButton('🕘 Fixed times'), { what: 'the schedule modes' });
    await nina.click('🕘 Fixed times');
    await nina.waitFor(hasButton('Next ›'), { what: 'the days' });
    await nina.click('Next ›');
    await nina.waitForMessage('Send the posting times');
    nina.send('25:00');
    await nina.waitForMessage('«25:00» is not a time of day');
    nina.send('10:00, 18:00');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain('at 10:00, 18:00');

    await nina.click('💰 Formats and prices');
    await nina.waitFor(hasButton('1/24 · off'), { what: 'the formats' });
    await nina.click('1/24 · off');
    nina.send('-5');
    await nina.waitForMessage('The price must be more than zero');
    nina.send('25');
    // Saving a price returns to the formats list; «‹ Back» leads to the selling summary.
    await nina.waitFor(hasButton('1/24 · $25'), { what: 'the formats with the price' });
    await nina.click('‹ Back');
    await nina.waitFor(hasButton('‹ Back to the channel'), { what: 'the summary again' });
    await nina.click('‹ Back to the channel');
    await nina.waitFor(hasButton('📅 Calendar'), { what: 'the card again' });
    await nina.click('📅 Calendar');
    const week = await nina.waitFor((m) => m.text?.includes('week of') === true, {
      what: 'the week',
    });
    expect(week.text).toContain(`Times in ${zone}`);
    expect(week.text).toContain('from $25');

    const tomorrow = DateTime.fromJSDate(h.deps.clock.now(), { zone }).plus({ days: 1 });
    if (tomorrow.weekday === 1) {
      await nina.click('Next week ›');
      await nina.waitFor(hasButton(tomorrow.setLocale('en').toFormat('ccc d')), {
        what: 'next week',
      });
    }
    await nina.click(tomorrow.setLocale('en').toFormat('ccc d'));
    await nina.waitFor(hasButton('18:00 🟢'), { what: 'the day' });
    const blocked = await nina.click('18:00 🟢');
    expect(blocked.text).toContain('18:00 blocked');

    const [row] = await h.database.withSystem('test: read the channel back', (tx) =>
      tx
        .select({ id: channels.id, workspaceId: channels.workspaceId })
        .from(channels)
        .where(eq(channels.telegramChatId, channel.id)),
    );
    const eighteen = tomorrow.set({ hour: 18, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    const [slot] = await h.database.withScope({ workspaceId: row!.workspaceId }, (tx) =>
      tx
        .select({ status: slots.status })
        .from(slots)
        .where(and(eq(slots.channelId, row!.id), eq(slots.startsAt, eighteen))),
    );
    expect(slot?.status).toBe('blocked');
  });
});
