import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../harness.js';
import { actionsOf, buttonsOf, channelRow } from './helpers.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h?.close();
});

const cardOf = (title: string) => (m: { text?: string }) =>
  m.text?.includes(title) === true && m.text.includes('?start=ch_');

describe('adding a channel (owner, Russian)', () => {
  it('adds the bot by the deep link, finishes setup and sees the card with the share link', async () => {
    const olga = h.sandbox.owner();
    olga.send('/start');
    await olga.waitForMessage('Привет');
    await olga.click('📢 У меня есть каналы');
    const owner = await olga.waitFor((m) => m.text?.includes('Владельцам каналов') === true);
    // Only what exists for owners: no advertiser bullets, no «soon», no charts.
    expect(owner.text).toContain('80 %');
    expect(owner.text).not.toMatch(/скоро|график|подписчик|Ищите каналы/i);
    await olga.click('➕ Добавить канал');
    const add = await olga.waitFor((m) => m.text?.includes('Добавление канала') === true);
    expect(actionsOf(add)).toContain(
      `https://t.me/${h.sandbox.bot.username}?startchannel&admin=post_messages+edit_messages+delete_messages`,
    );

    olga.channel(h.sandbox.ids.demoChannelId).addBot();
    await olga.waitForMessage(
      'Вы добавили меня в канал <b>Olga Travels</b>'.replace(/<\/?b>/g, ''),
    );
    await olga.click('✅ Завершить настройку');
    const card = await olga.waitFor(cardOf('Olga Travels'), { what: 'the card' });
    expect(card.text).toContain('Канал Olga Travels добавлен');
    expect(card.text).toContain('@olga_travels_demo');
    expect(card.text).toMatch(/Подписчиков: 12[\s\u00a0]?40\d/);
    expect(card.text).toContain('✅ Публикация сообщений');
    expect(card.text).toContain('⚠️ Расписание');
    expect(card.text).toContain(`https://t.me/${h.sandbox.bot.username}?start=ch_`);
    expect(buttonsOf(card)).toEqual([
      '⚙️ Настройки продаж',
      '📅 Календарь',
      '🔄 Проверить права',
      '⏸ Пауза',
      '🗑 Удалить',
      '‹ Мои каналы',
    ]);
    const row = await channelRow(h, h.sandbox.ids.demoChannelId);
    expect(row).toMatchObject({ status: 'active', title: 'Olga Travels' });
    expect(row?.subscribers).toBeGreaterThanOrEqual(12_400);
    expect(card.text).toContain(`?start=ch_${row?.shareCode}`);

    await olga.click('‹ Мои каналы');
    const list = await olga.waitFor((m) => m.text?.includes('Ваши каналы') === true);
    expect(list.text).toContain('Olga Travels — ✅ продаётся (владелец)');
  });

  it('refuses a person who is not an admin of the channel', async () => {
    const alex = h.sandbox.advertiser();
    alex.send('/start');
    await alex.waitForMessage('Hi');
    alex.send('@olga_travels_demo');
    const refusal = await alex.waitForMessage('Telegram says you are not one');
    expect(refusal.text).toContain('Only the creator of Olga Travels');
    const row = await channelRow(h, h.sandbox.ids.demoChannelId);
    expect(row?.workspaceId).toBeDefined();
  });

  it('the Free plan refuses a second channel', async () => {
    const olga = h.sandbox.owner();
    const food = olga.createChannel({ title: 'Olga Food', username: 'olga_food_demo' });
    food.addBot();
    await olga.waitForMessage('Olga Food');
    await olga.click('✅ Завершить настройку');
    await olga.waitFor((m) => m.text?.includes('Ваш тариф позволяет 1 канал') === true, {
      what: 'plan limit',
    });
    expect(await channelRow(h, food.id)).toBeUndefined();
  });
});

describe('adding a channel (other ways, English)', () => {
  it('by a forwarded post, then re-checks by a t.me link', async () => {
    const bob = h.sandbox.user({ first_name: 'Bob', language_code: 'en' });
    bob.send('/start');
    await bob.waitForMessage('Hi, Bob');
    const tech = bob.createChannel({
      title: 'Bob <Tech>',
      username: 'bob_tech_demo',
      subscribers: 300,
    });
    tech.addBot();
    await bob.waitForMessage('finish setting it up');
    const post = tech.post('Hello subscribers');
    bob.send({ forwardFrom: post });
    // The title is escaped for HTML, so the person sees it exactly as written.
    const card = await bob.waitForMessage('The channel Bob <Tech> is added');
    expect(card.text).toContain('is added');
    expect(card.text).toContain('@bob_tech_demo');
    bob.send('https://t.me/bob_tech_demo');
    await bob.waitForMessage('Rights of Bob <Tech> checked again');
  });

  it('by @username for a channel whose creator added the bot earlier', async () => {
    const carl = h.sandbox.user({ first_name: 'Carl', language_code: 'en' });
    carl.send('/start');
    await carl.waitForMessage('Hi, Carl');
    const news = carl.createChannel({ title: 'Carl News', username: 'carl_news_demo' });
    news.addBot();
    await carl.waitForMessage('finish setting it up');
    carl.send('@carl_news_demo');
    await carl.waitForMessage('The channel Carl News is added');
  });

  it('explains a bot without post rights, naming the right, and accepts it once fixed', async () => {
    const dan = h.sandbox.user({ first_name: 'Dan', language_code: 'en' });
    dan.send('/start');
    await dan.waitForMessage('Hi, Dan');
    const blog = dan.createChannel({ title: 'Dan Blog', username: 'dan_blog_demo' });
    blog.addBot({ can_edit_messages: true, can_delete_messages: true });
    await dan.waitForMessage('finish setting it up');
    await dan.click('✅ Finish setup');
    const refusal = await dan.waitFor((m) => m.text?.includes('«Post messages»') === true, {
      what: 'the missing right',
    });
    expect(refusal.text).toContain("I don't have the right «Post messages»");
    expect(buttonsOf(refusal)).toContain('🔄 Check again');
    expect(await channelRow(h, blog.id)).toBeUndefined();

    blog.setBotRights({ can_post_messages: true });
    await dan.click('🔄 Check again');
    const card = await dan.waitFor(
      (m) => m.text?.includes('The channel Dan Blog is added') === true,
    );
    expect(card.text).toContain('✅ Post messages');
    expect(card.text).toContain('▫️ Delete messages of others — not needed by your formats yet');
  });

  it('answers unknown channels and invite links clearly, and leaves other text to the fallback', async () => {
    const eve = h.sandbox.user({ first_name: 'Eve', language_code: 'en' });
    eve.send('@no_such_channel_here');
    await eve.waitForMessage("I can't find this channel");
    eve.send('https://t.me/+AbCdEf123');
    await eve.waitForMessage("I can't open invite links");
    eve.send('just words');
    await eve.waitForMessage('Use the menu or /help');
  });
});

describe('a channel another workspace registered', () => {
  it('is refused to its other admin without saying who has it', async () => {
    const gus = h.sandbox.user({ first_name: 'Gus', language_code: 'en' });
    const ivy = h.sandbox.user({ first_name: 'Ivy', language_code: 'en' });
    const shared = h.sandbox.emulator.createChannel({
      title: 'Shared Deals',
      ownerId: gus.id,
      username: 'shared_deals_demo',
      admins: [{ userId: ivy.id, rights: { can_post_messages: true } }],
    });
    gus.send('/start');
    await gus.waitForMessage('Hi, Gus');
    gus.channel(shared.id).addBot();
    await gus.waitForMessage('finish setting it up');
    await gus.click('✅ Finish setup');
    await gus.waitFor((m) => m.text?.includes('The channel Shared Deals is added') === true);
    ivy.send('@shared_deals_demo');
    const refusal = await ivy.waitForMessage('already registered on LytSlot by another account');
    expect(refusal.text).not.toContain('Gus');
    expect((await channelRow(h, shared.id))?.title).toBe('Shared Deals');
  });
});

describe('/start deep links', () => {
  it('routes inv_<code> to the members feature and ch_<code> to the catalog card', async () => {
    const fay = h.sandbox.user({ first_name: 'Fay', language_code: 'en' });
    fay.send('/start inv_nosuchcode');
    await fay.waitForMessage('This invite link is not valid');
    fay.send('/start ch_abc123');
    await fay.waitForMessage('This channel is not available');
  });
});
