import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, slots } from '../../../models/schema.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { buttonsOf, newestText, seedOwnedChannel, sendEntryButton } from './setup.js';

let h: BotHarness;
let nina: TestUser;
let channel: { accountId: string; workspaceId: string; channelId: string };

async function summary(): Promise<string> {
  await sendEntryButton(h, nina, 'Selling', `sell:open:${channel.channelId}`);
  await nina.click('Selling');
  const shown = await nina.waitFor(
    (m) => m.text?.includes('Selling settings — Nina <Travels>') === true,
    {
      what: 'the selling summary',
    },
  );
  return shown.text ?? '';
}

async function storedSettings() {
  const [row] = await h.database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
    tx
      .select({ settings: channels.settings })
      .from(channels)
      .where(eq(channels.id, channel.channelId)),
  );
  return row?.settings as Record<string, unknown>;
}

beforeAll(async () => {
  h = await startBotHarness();
  nina = h.sandbox.user({ first_name: 'Nina', language_code: 'en' });
  nina.send('/help');
  await nina.waitForMessage('LytSlot help');
  channel = await seedOwnedChannel(h, nina, 'Nina <Travels>');
});

afterAll(async () => {
  await h?.close();
});

describe('selling settings by chat', () => {
  it('sets the time zone: an unknown one is refused and the earlier one stays', async () => {
    const text = await summary();
    expect(text).toContain('Time zone: UTC');
    await nina.click('🌍 Time zone');
    // The title is escaped for HTML, so the person sees it exactly as written.
    await nina.waitFor((m) => m.text?.includes('Time zone of Nina <Travels>') === true);
    await nina.click('✍️ Another time zone…');
    await nina.waitForMessage('Send the time zone name');
    nina.send('Mars/Olympus');
    await nina.waitForMessage('«Mars/Olympus» is not a known time zone');
    expect((await storedSettings()).timezone).toBe('UTC');
    nina.send('asia/tbilisi');
    const saved = await nina.waitForMessage('✅ Saved.');
    expect(saved.text).toContain('Time zone: Asia/Tbilisi');
    // One of the common zones with one tap.
    await nina.click('🌍 Time zone');
    await nina.click('Europe/Berlin');
    await nina.waitFor((m) => m.text?.includes('Time zone: Europe/Berlin') === true);
  });

  it('sets days × times; 25:00 is refused naming the token; slots appear', async () => {
    await summary();
    await nina.click('🗓 Schedule');
    await nina.click('🕘 Fixed times');
    await nina.click('✅ Sun');
    await nina.waitFor((m) => buttonsOf(m).includes('▫️ Sun'));
    await nina.click('Next ›');
    await nina.waitForMessage('Send the posting times');
    nina.send('9:00 25:00');
    await nina.waitForMessage('«25:00» is not a time of day');
    nina.send('junk');
    await nina.waitForMessage('«junk» is not a time of day');
    expect((await storedSettings()).schedule).toBeNull();
    nina.send('9:00, 13:30 18:00');
    const saved = await nina.waitForMessage('✅ Saved.');
    expect(saved.text).toContain('Schedule: Mon, Tue, Wed, Thu, Fri, Sat at 09:00, 13:30, 18:00');
    const rows = await h.database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      tx.select({ id: slots.id }).from(slots).where(eq(slots.channelId, channel.channelId)),
    );
    expect(rows.length).toBeGreaterThan(60);
  });

  it('offers only steps of 15/30/60 for windows; typing 7 changes nothing', async () => {
    await summary();
    await nina.click('🗓 Schedule');
    await nina.click('🪟 Windows with a step');
    await nina.click('Next ›');
    const steps = await nina.waitFor((m) => m.text?.includes('How often within a window') === true);
    expect(buttonsOf(steps)).toEqual(['every 15 min', 'every 30 min', 'every 60 min', '‹ Back']);
    nina.send('7');
    await nina.waitForMessage('Use the menu or /help');
    await nina.click('every 30 min');
    await nina.waitForMessage('Send the windows');
    nina.send('22:00-10:00');
    await nina.waitForMessage('«22:00-10:00» is not a window');
    nina.send('/cancel');
    await nina.waitForMessage('Cancelled.');
    expect((await storedSettings()).schedule).toMatchObject({ mode: 'times' });
    expect(await summary()).toContain('at 09:00, 13:30, 18:00');
  });

  it('sets prices; 0, -5, absurd and 3 decimals are refused and the earlier price stays', async () => {
    await summary();
    await nina.click('💰 Formats and prices');
    await nina.click('1/24 · off');
    await nina.waitForMessage('Send the price of 1/24 in USD');
    nina.send('1500');
    // Back on the formats list, ready for the next price.
    const formats = await nina.waitForMessage('✅ Saved.');
    expect(formats.text).toContain('Formats and prices of');
    expect(buttonsOf(formats)).toContain('1/24 · $1,500');
    await nina.click(/^1\/24 · \$1,500$/);
    await nina.waitForMessage('Send the price of 1/24');
    nina.send('0');
    await nina.waitForMessage('The price must be more than zero');
    nina.send('-5');
    await nina.waitForMessage('The price must be more than zero');
    nina.send('99999999999');
    await nina.waitForMessage('That is too much');
    nina.send('12.345');
    await nina.waitForMessage('At most two digits after the decimal point');
    nina.send({ sticker: true });
    await nina.waitForMessage('Please send the value as text');
    expect((await storedSettings()).prices).toEqual({ '1/24': 150_000 });
    nina.send('/cancel');
    await nina.waitForMessage('Cancelled.');
    await nina.click('2/48 · off');
    nina.send('2 000,50');
    const saved = await nina.waitForMessage('✅ Saved.');
    expect(saved.text).toContain('1/24 — $1,500 · 2/48 — $2,000.50');
  });

  it('rejects bad horizons, lead times and dates and keeps the earlier values', async () => {
    await summary();
    await nina.click('📆 Horizon');
    await nina.waitForMessage('How many days ahead');
    nina.send('0');
    await nina.waitForMessage('The value must be from 1 to 90');
    nina.send('120');
    await nina.waitForMessage('The value must be from 1 to 90');
    nina.send('45');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain('Booking horizon: 45 days');
    await nina.click('⏱ Lead time');
    nina.send('soon');
    await nina.waitForMessage('«soon» is not a number');
    nina.send('90m');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain(
      'Minimum lead time: 1 h 30 min',
    );
    await nina.click('🚫 Blackout dates');
    nina.send('2001-01-01');
    await nina.waitForMessage('is in the past');
    nina.send('31.02.2099');
    await nina.waitForMessage('is not a date');
    nina.send('2099-12-31');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain('Blackout dates: 2099-12-31');
    const s = await storedSettings();
    expect(s).toMatchObject({
      horizonDays: 45,
      leadTimeMinutes: 90,
      blackoutDates: ['2099-12-31'],
    });
  });

  it('sets the catalog card, review, toggles and bundle discount by buttons', async () => {
    await summary();
    await nina.click('🗂 Catalog card');
    await nina.click('✈️ Travel');
    await nina.waitFor((m) => buttonsOf(m).includes('✅ ✈️ Travel'));
    await nina.click('✏️ Description');
    nina.send('x'.repeat(501));
    await nina.waitForMessage('The text has 501 characters; the limit is 500');
    nina.send('Trips & <tips>');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain('Description: Trips & <tips>');
    await nina.click('✅ Review');
    await nina.click('⚡ Accept orders automatically');
    await nina.waitFor((m) => m.text?.includes('Review: auto-accept') === true);
    await nina.click('🔒 Whitelist only: off');
    await nina.waitFor((m) => buttonsOf(m).includes('🔒 Whitelist only: on'));
    await nina.click('🎁 Bundle discount');
    nina.send('1 10');
    await nina.waitForMessage('The value must be from 2 to 100');
    nina.send('3 10');
    expect((await nina.waitForMessage('✅ Saved.')).text).toContain(
      'Bundle discount: from 3 slots −10 %',
    );
    expect(newestText(nina)).toContain('Category: ✈️ Travel');
  });

  it('answers "not found" to someone else pressing the channel’s buttons', async () => {
    const eve = h.sandbox.user({ first_name: 'Eve', language_code: 'en' });
    eve.send('/help');
    await eve.waitForMessage('LytSlot help');
    await sendEntryButton(h, eve, 'Selling', `sell:open:${channel.channelId}`);
    const answer = await eve.click('Selling');
    expect(answer.text).toBe('Channel not found or you have no access to it.');
    await sendEntryButton(h, eve, 'Edit', `sell:wl:${channel.channelId}`);
    expect((await eve.click('Edit')).text).toBe('Channel not found or you have no access to it.');
    expect((await storedSettings()).whitelistOnly).toBe(true);
  });

  it('is reached from the channel card and goes back to it', async () => {
    await sendEntryButton(h, nina, 'Card', `ch:card:${channel.channelId}`);
    await nina.click('Card');
    await nina.click('⚙️ Selling settings');
    await nina.waitFor((m) => m.text?.includes('Selling settings — Nina <Travels>') === true);
    await nina.click('‹ Back to the channel');
    await nina.waitFor((m) => buttonsOf(m).includes('⚙️ Selling settings'));
  });
});
