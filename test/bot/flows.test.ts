import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from './harness.js';

let h: BotHarness;

function buttonsOf(message: { reply_markup?: { inline_keyboard?: { text: string }[][] } }) {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('start, roles, language and help (ru user)', () => {
  it('walks the role menu, switches to English and gets help in English', async () => {
    const ivan = h.sandbox.user({ first_name: 'Иван <b>', language_code: 'ru' });
    ivan.send('/start');
    const welcome = await ivan.waitForMessage('Привет, Иван <b>!');
    expect(buttonsOf(welcome)).toEqual([
      '📢 У меня есть каналы',
      '🎯 Я рекламодатель',
      '❓ Помощь',
    ]);
    await ivan.click('📢 У меня есть каналы');
    await ivan.waitFor((m) => m.text?.includes('Владельцам каналов') === true, {
      what: 'owner text',
    });
    await ivan.click('‹ Назад');
    await ivan.waitFor((m) => m.text?.startsWith('👋 Привет') === true, { what: 'welcome again' });
    await ivan.click('🎯 Я рекламодатель');
    await ivan.waitFor((m) => m.text?.includes('Рекламодателям') === true);

    ivan.send('/language');
    await ivan.waitForMessage('Выберите язык');
    await ivan.click('🇬🇧 English');
    await ivan.waitFor((m) => m.text === '✅ Language: English.', { what: 'language changed' });

    ivan.send('/help');
    const help = await ivan.waitForMessage('LytSlot help');
    expect(buttonsOf(help)).toContain('✉️ Ask support');
  });
});

describe('start, roles, language and help (en user)', () => {
  it('walks the role menu, switches to Russian and gets help in Russian', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/start');
    await ann.waitForMessage('Hi, Ann!');
    await ann.click('🎯 I advertise');
    await ann.waitFor((m) => m.text?.includes('For advertisers') === true, { what: 'role text' });
    await ann.click('‹ Back');
    await ann.waitFor((m) => m.text?.startsWith('👋 Hi') === true, { what: 'welcome again' });
    await ann.click('❓ Help');
    await ann.waitFor((m) => m.text?.includes('LytSlot help') === true, { what: 'help in menu' });

    ann.send('/language');
    await ann.waitForMessage('Choose your language');
    await ann.click('🇷🇺 Русский');
    await ann.waitFor((m) => m.text === '✅ Язык: русский.', { what: 'language changed' });
    ann.send('/help');
    await ann.waitForMessage('Помощь LytSlot');
  });
});

describe('outside any conversation', () => {
  it('answers free text, stickers, photos and oversized text with the hint', async () => {
    const bob = h.sandbox.user({ first_name: 'Bob', language_code: 'en-US' });
    bob.send('hello there');
    await bob.waitForMessage('Use the menu or /help');
    bob.send({ sticker: true });
    await bob.waitForMessage('Use the menu or /help');
    bob.send({ photo: true, caption: '<i>pic</i>' });
    await bob.waitForMessage('Use the menu or /help');
    bob.send('y'.repeat(4096));
    await bob.waitForMessage('Use the menu or /help');
    bob.send('/cancel');
    await bob.waitForMessage('There was nothing to cancel.');
  });

  it('answers an unknown channel link clearly and treats junk payloads as a normal start', async () => {
    const eve = h.sandbox.user({ first_name: 'Eve', language_code: 'ru' });
    eve.send('/start ch_abc123');
    await eve.waitForMessage('Этот канал недоступен');
    eve.send('/start garbage<>payload');
    const second = await eve.waitForMessage('Привет, Eve!');
    expect(second.text?.startsWith('👋')).toBe(true);
  });

  it('stays silent in groups', async () => {
    const ada = h.sandbox.admin();
    const chat = ada.inChat(h.sandbox.ids.adminChatId);
    const before = chat.botMessages().length;
    chat.send('hello bot');
    chat.send('/start');
    // A private message afterwards proves the group updates were processed by then.
    ada.send('/help');
    await ada.waitForMessage('LytSlot help');
    expect(chat.botMessages().length).toBe(before);
  });
});

describe('restart', () => {
  it('keeps the language choice in PostgreSQL across a new bot', async () => {
    const kim = h.sandbox.user({ first_name: 'Kim', language_code: 'en' });
    kim.send('/language');
    await kim.waitForMessage('Choose your language');
    await kim.click('🇷🇺 Русский');
    await kim.waitFor((m) => m.text === '✅ Язык: русский.');
    await h.restart();
    kim.send('/start');
    await kim.waitForMessage('Привет, Kim!');
  });

  it('finishes an update in flight before stop() resolves and never handles it twice', async () => {
    const zoe = h.sandbox.user({ first_name: 'Zoe', language_code: 'en' });
    h.sandbox.emulator.failNext('sendMessage', 1, 1);
    zoe.send('slow reply please');
    // The long poll returns at once; give the runner a moment to hand the update over.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.running.stop();
    expect(zoe.botMessages().filter((m) => m.text?.includes('Use the menu'))).toHaveLength(1);
    await h.restart();
    zoe.send('/cancel');
    await zoe.waitForMessage('There was nothing to cancel.');
    expect(zoe.botMessages().filter((m) => m.text?.includes('Use the menu'))).toHaveLength(1);
  });
});
