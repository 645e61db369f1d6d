import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../models/schema.js';
import type { ApiMessage } from '../../../sandbox/types.js';
import { makeListedChannel } from '../../factories/channels.js';
import { pressCrafted } from '../channels/helpers.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;
let olga: { id: string; shareCode: string };

const texts = (m: ApiMessage) => m.text ?? '';
const buttons = (m: ApiMessage) => (m.reply_markup?.inline_keyboard ?? []).flat();
const hasButton = (label: string) => (m: ApiMessage) => buttons(m).some((b) => b.text === label);

beforeAll(async () => {
  h = await startBotHarness();
  const now = new Date();
  olga = await makeListedChannel(h.database, {
    title: 'Olga Travels',
    username: 'olga_travels_demo',
    subscribers: 12_400,
    settings: {
      timezone: 'Europe/Berlin',
      prices: { '1/24': 150_000, '2/48': 250_000 },
      requiresMarking: true,
    },
    slotsFrom: now,
  });
  for (let i = 1; i <= 5; i++) {
    await makeListedChannel(h.database, { title: `Big Trips ${i}`, subscribers: 50_000 + i });
  }
  await makeListedChannel(h.database, {
    title: 'Code Weekly',
    settings: { category: 'tech' },
    subscribers: 90_000,
  });
});
afterAll(async () => {
  await h?.close();
});

describe('an advertiser finds a channel', () => {
  it('opens the catalog, filters by category, pages, opens a card with prices and next slots', async () => {
    const alex = h.sandbox.user({ first_name: 'Alex', language_code: 'en' });
    alex.send('/start');
    await alex.waitForMessage('Who are you here?');
    await alex.click('🎯 I advertise');
    await alex.waitFor(hasButton('🔎 Find channels'), { what: 'the advertiser screen' });
    expect(buttons(alex.botMessages().at(-1)!).map((b) => b.callback_data)).toEqual([
      'cat:home',
      'ord:list',
      'adv:balance',
      'apk:show:a',
      'start:menu',
    ]);
    await alex.click('🔎 Find channels');
    const home = await alex.waitFor((m) => texts(m).includes('Channel catalog'));
    expect(texts(home)).toContain('Found 7');
    expect(texts(home)).toContain('Code Weekly');

    await alex.click('⚙️ Filters');
    await alex.waitFor(hasButton('🗂 Category'), { what: 'the filters' });
    await alex.click('🗂 Category');
    await alex.waitFor(hasButton('✈️ Travel'), { what: 'the categories' });
    await alex.click('✈️ Travel');
    const page1 = await alex.waitFor((m) => texts(m).includes('Category: ✈️ Travel'));
    expect(texts(page1)).toContain('Found 6 · page 1 of 2');
    expect(texts(page1)).not.toContain('Code Weekly');
    expect(texts(page1)).not.toContain('Olga Travels');

    await alex.click('Next ›');
    const page2 = await alex.waitFor((m) => texts(m).includes('page 2 of 2'));
    expect(texts(page2)).toContain('Olga Travels');
    expect(texts(page2)).toContain('@olga_travels_demo');
    expect(texts(page2)).toContain('from $1,500');

    await alex.click('📣 Olga Travels');
    const card = await alex.waitFor((m) => texts(m).includes('Next free slots'));
    const text = texts(card);
    expect(text).toContain('12,400 subscribers');
    expect(text).toContain('• 1/24 — $1,500');
    expect(text).toContain('• 2/48 — $2,500');
    expect(text).toContain('Channel time (Europe/Berlin)');
    expect(text).toMatch(/• \w{3}, \w{3} \d{1,2}, (10|18):00 \(/);
    // Nothing published yet: a new channel, not «on time 0%».
    expect(text).toContain('🆕 New on LytSlot: no ads published yet · fill rate 0%');
    expect(text).not.toContain('on time');
    // Never measured, nothing published lately: no growth and no clicks line.
    expect(text).not.toContain('subscribers in');
    expect(text).not.toContain('Clicks per');
    expect(text).toContain(`start=ch_${olga.shareCode}`);
    expect(text).not.toContain('Whitelist only');
    expect(text).not.toContain('\n\n\n');
    expect(buttons(card).map((b) => b.callback_data)).toContain(`book:start:${olga.id}`);

    await alex.click('‹ Back');
    await alex.waitFor((m) => texts(m).includes('page 2 of 2'), { what: 'back on page 2' });
    await alex.click('‹ Advertiser menu');
    await alex.waitFor((m) => texts(m).includes('For advertisers'), {
      what: 'the advertiser menu',
    });
  });

  it('searches by name, refusing bad input with a clear message', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/start');
    await ann.waitForMessage('Who are you here?');
    await ann.click('🎯 I advertise');
    await ann.click('🔎 Find channels');
    await ann.waitFor((m) => texts(m).includes('Channel catalog'));
    await ann.click('🔍 Search');
    await ann.waitForMessage("Send part of the channel's name");
    ann.send('a');
    await ann.waitForMessage('That is too short');
    ann.send({ sticker: true });
    await ann.waitForMessage('Please send the name as text');
    ann.send('x'.repeat(65));
    await ann.waitForMessage('That is too long');
    ann.send('olga');
    const found = await ann.waitForMessage('Search: «olga»');
    expect(texts(found)).toContain('Found 1');
    expect(texts(found)).toContain('Olga Travels');
    await ann.click('📣 Olga Travels');
    await ann.waitFor((m) => texts(m).includes('Next free slots'));
    await ann.click('‹ Back');
    await ann.waitFor(
      (m) => texts(m).includes('Search: «olga»') && hasButton('📣 Olga Travels')(m),
    );
  });

  it('opens the card from /start ch_<code>; unknown codes get a clear answer', async () => {
    const bo = h.sandbox.user({ first_name: 'Bo', language_code: 'ru' });
    bo.send(`/start ch_${olga.shareCode}`);
    const card = await bo.waitForMessage('Ближайшие свободные слоты');
    expect(texts(card)).toMatch(/12\s400 подписчиков/);
    expect(buttons(card).map((b) => b.text)).toContain('📅 Забронировать');
    expect(texts(card)).toContain('Нужна маркировка рекламы');
    bo.send('/start ch_nosuchcode');
    await bo.waitForMessage('Этот канал недоступен');
  });

  it('answers inline queries with shareable articles', async () => {
    const cy = h.sandbox.user({ first_name: 'Cy', language_code: 'en' });
    const sent = h.sandbox.emulator.inlineQuery(cy.id, 'olga');
    const answer = await sent.answer;
    expect(answer.is_personal).toBe(false);
    expect(answer.cache_time).toBeLessThanOrEqual(60);
    expect(answer.results).toHaveLength(1);
    const article = answer.results[0] as {
      title: string;
      description: string;
      input_message_content: { message_text: string };
      reply_markup: { inline_keyboard: { url: string }[][] };
    };
    expect(article.title).toBe('Olga Travels');
    expect(article.description).toContain('12,400');
    expect(article.description).toContain('$1,500');
    const link = `https://t.me/${h.sandbox.ids.botUsername}?start=ch_${olga.shareCode}`;
    expect(article.input_message_content.message_text).toContain(link);
    expect(article.reply_markup.inline_keyboard[0]?.[0]?.url).toBe(link);
    const everything = await h.sandbox.emulator.inlineQuery(cy.id, '').answer;
    expect(everything.results).toHaveLength(7);
  });

  it('answers crafted or stale catalog buttons without changing anything; back to the role menu', async () => {
    const eli = h.sandbox.user({ first_name: 'Eli', language_code: 'en' });
    eli.send('/start');
    await eli.waitForMessage('Who are you here?');
    await eli.click('🎯 I advertise');
    await eli.waitFor(hasButton('🔎 Find channels'), { what: 'the advertiser screen' });
    const unknown = await pressCrafted(
      h,
      eli,
      `cat:c:${'1'.repeat(8)}-1111-1111-1111-${'1'.repeat(12)}:_____:0`,
    );
    expect(unknown).toMatchObject({
      text: 'This channel is not available any more.',
      show_alert: true,
    });
    expect((await pressCrafted(h, eli, 'cat:l:_____:-1')).text).toContain('out of date');
    expect((await pressCrafted(h, eli, 'cat:fx:_____')).text).toContain('out of date');
    const weird = await pressCrafted(h, eli, 'cat:l:zz!!_:3');
    expect(weird.text).toContain('out of date');
    const odd = await pressCrafted(h, eli, 'cat:l:zzzz_:3');
    expect(odd.text).toBeUndefined();
    await eli.waitFor((m) => texts(m).includes('Found 7 · page 2 of 2'), { what: 'clamped page' });
    await eli.click('🔍 Search');
    await eli.waitForMessage("Send part of the channel's name");
    eli.send('/start');
    await eli.waitForMessage('Who are you here?');
    await eli.click('🎯 I advertise');
    await eli.click('‹ Back');
    await eli.waitFor((m) => texts(m).startsWith('👋 Hi, Eli') && hasButton('🎯 I advertise')(m));
  });

  it('a paused channel disappears from the catalog, search, deep link and inline mode', async () => {
    await h.database.withSystem('test: pause', (tx) =>
      tx
        .update(channels)
        .set({ status: 'paused', statusReason: 'owner' })
        .where(eq(channels.id, olga.id)),
    );
    const dee = h.sandbox.user({ first_name: 'Dee', language_code: 'en' });
    dee.send('/start');
    await dee.waitForMessage('Who are you here?');
    await dee.click('🎯 I advertise');
    await dee.click('🔎 Find channels');
    const home = await dee.waitFor((m) => texts(m).includes('Channel catalog'));
    expect(texts(home)).toContain('Found 6');
    expect(texts(home)).not.toContain('Olga Travels');
    await dee.click('🔍 Search');
    await dee.waitForMessage("Send part of the channel's name");
    dee.send('olga');
    await dee.waitForMessage('Nothing matches');
    dee.send(`/start ch_${olga.shareCode}`);
    await dee.waitForMessage('This channel is not available');
    const answer = await h.sandbox.emulator.inlineQuery(dee.id, 'olga').answer;
    expect(answer.results).toHaveLength(0);
  });
});
