import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.close();
});

function adminChat() {
  return h.sandbox.admin().inChat(h.sandbox.ids.adminChatId);
}

describe('support conversation', () => {
  it('re-asks on a sticker and on 5000 characters, then forwards valid text despite a 429', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann <3', username: 'ann', language_code: 'en' });
    ann.send('/help');
    await ann.waitForMessage('LytSlot help');
    await ann.click('✉️ Ask support');
    await ann.waitForMessage('Write your question in one message');

    ann.send({ sticker: true });
    await ann.waitForMessage('Please send your question as text');
    ann.send({ document: true });
    await ann.waitForMessage('Please send your question as text');
    ann.send('z'.repeat(5000));
    await ann.waitForMessage('That message has 5,000 characters; the limit is 2,000');

    // The conversation's own Api must retry this (a transformer on bot.api would not reach it).
    h.sandbox.emulator.failNext('sendMessage', 1, 1);
    ann.send('How do I book <b>two</b> slots & pay?');
    await ann.waitForMessage('Your message has been sent to support', { timeoutMs: 8000 });
    const forwarded = await adminChat().waitFor(
      (m) => m.text?.includes('How do I book <b>two</b> slots & pay?') === true,
      { what: 'the support request' },
    );
    expect(forwarded.text).toContain('Ann <3');
    expect(forwarded.text).toContain(String(ann.id));
    // No /adminlang yet: the admin chat speaks its admins' language (Ada's Telegram is English).
    expect(forwarded.text).toContain('Support request');

    ann.send('and one more thing');
    await ann.waitForMessage('Use the menu or /help');
  });

  it('writes the card in the admin chat’s language once admins pick English (/adminlang en)', async () => {
    adminChat().send('/adminlang en');
    await adminChat().waitForMessage('The admin chat now speaks English.');
    const bo = h.sandbox.user({ first_name: 'Bo', language_code: 'ru' });
    bo.send('/help');
    await bo.waitForMessage('Помощь LytSlot');
    await bo.click('✉️ Написать в поддержку');
    await bo.waitForMessage('Напишите ваш вопрос');
    bo.send('Где мой возврат?');
    await bo.waitForMessage('Ваше сообщение отправлено в поддержку', { timeoutMs: 8000 });
    const card = await adminChat().waitFor((m) => m.text?.includes('Где мой возврат?') === true, {
      what: 'the support request',
    });
    expect(card.text).toContain('Support request');
    adminChat().send('/adminlang ru');
    await adminChat().waitForMessage('по-русски');
  });

  it('is left with /cancel (ru), after which text gets the hint again', async () => {
    const ivan = h.sandbox.user({ first_name: 'Иван', language_code: 'ru' });
    ivan.send('/help');
    await ivan.waitForMessage('Помощь LytSlot');
    await ivan.click('✉️ Написать в поддержку');
    await ivan.waitForMessage('Напишите ваш вопрос');
    await ivan.click('✉️ Написать в поддержку');
    await ivan.waitForMessage('Мы уже ждём ваше сообщение');
    ivan.send('/cancel');
    await ivan.waitForMessage('Отменено.');
    ivan.send('просто текст');
    await ivan.waitForMessage('Воспользуйтесь меню или /help');
    ivan.send('/cancel');
    await ivan.waitForMessage('Отменять нечего.');
  });

  it('is left by another command, which then runs', async () => {
    const lea = h.sandbox.user({ first_name: 'Lea', language_code: 'en' });
    lea.send('/help');
    await lea.waitForMessage('LytSlot help');
    await lea.click('✉️ Ask support');
    await lea.waitForMessage('Write your question');
    lea.send('/start');
    await lea.waitForMessage('Hi, Lea!');
    lea.send('/cancel');
    await lea.waitForMessage('There was nothing to cancel.');
  });

  it('survives a bot restart (state in PostgreSQL)', async () => {
    const max = h.sandbox.user({ first_name: 'Max', language_code: 'en' });
    max.send('/help');
    await max.waitForMessage('LytSlot help');
    await max.click('✉️ Ask support');
    await max.waitForMessage('Write your question');
    await h.restart();
    max.send('Question after restart');
    await max.waitForMessage('Your message has been sent to support');
    await adminChat().waitFor((m) => m.text?.includes('Question after restart') === true, {
      what: 'the support request',
    });
  });
});
