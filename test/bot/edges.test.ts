import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../models/accounts/table.js';
import { decideParkedUpdate } from '../../models/intake/parked.js';
import { adminCards, auditLog } from '../../models/schema.js';
import { callBotApi } from '../helpers/sandbox.js';
import { type BotHarness, startBotHarness, testIntakeOptions } from './harness.js';

let h: BotHarness;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  h = await startBotHarness({ logger: pino({ level: 'warn' }, sink) });
});

afterAll(async () => {
  await h?.close();
});

describe('commands', () => {
  it('are set per language and by default', async () => {
    const ru = await callBotApi(h.sandbox, 'getMyCommands', { language_code: 'ru' });
    expect(ru.result).toContainEqual({ command: 'language', description: 'Сменить язык' });
    const en = await callBotApi(h.sandbox, 'getMyCommands', { language_code: 'en' });
    expect(en.result).toContainEqual({ command: 'language', description: 'Change the language' });
    const fallback = await callBotApi(h.sandbox, 'getMyCommands', {});
    expect(fallback.result).toEqual(en.result);
  });
});

describe('failed updates', () => {
  it('are retried: a reply that failed once is sent on the next attempt', async () => {
    const olga = h.sandbox.user({ first_name: 'Olga', language_code: 'ru' });
    // A flood wait longer than auto-retry accepts makes the reply fail once.
    h.sandbox.emulator.failNext('sendMessage', 1, 120);
    olga.send('привет');
    await olga.waitForMessage('Я не понял сообщение');
    const logged = logLines.find((line) => line.msg === 'update handling failed; will retry');
    expect(logged).toMatchObject({ update_id: expect.any(Number), attempts: 1 });
    expect(olga.botMessages().some((m) => m.text?.includes('что-то пошло не так'))).toBe(false);
  });

  it('are parked after the last attempt: logged with the update_id, the user told in their language', async () => {
    const olga = h.sandbox.user({ first_name: 'Olga', language_code: 'ru' });
    h.sandbox.emulator.failNext('sendMessage', testIntakeOptions.retry.attempts, 120);
    olga.send('привет');
    await olga.waitForMessage('У нас что-то пошло не так');
    const logged = logLines.find((line) => line.msg === 'update handling failed');
    expect(logged).toMatchObject({ update_id: expect.any(Number) });
    expect(JSON.stringify(logLines)).not.toContain(h.sandbox.token);

    // The admins see it (a card, audited) and may queue it again: it is then handled.
    const [card] = await h.database.withSystem('test read', (tx) =>
      tx.select().from(adminCards).where(eq(adminCards.kind, 'parked_update')),
    );
    expect(card).toMatchObject({ status: 'open' });
    const retried = await decideParkedUpdate(h.database, {
      id: card!.objectId,
      decision: 'retry',
      admin: { telegramId: h.sandbox.ids.adminId, name: 'Ada' },
      at: new Date(),
    });
    expect(retried.ok).toBe(true);
    await olga.waitForMessage('Я не понял сообщение', { timeoutMs: 10_000 });
    const audit = await h.database.withSystem('test read', (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.objectId, card!.objectId)),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['update.parked', 'update.retried']);
  });
});

describe('menus', () => {
  it('redraws a menu pressed after a language switch, in the new language', async () => {
    const ivan = h.sandbox.user({ first_name: 'Ivan', language_code: 'ru' });
    ivan.send('/start');
    const welcome = await ivan.waitForMessage('Привет, Ivan!');
    ivan.send('/language');
    await ivan.waitForMessage('Выберите язык');
    await ivan.click('🇬🇧 English');
    await ivan.waitFor((m) => m.text === '✅ Language: English.');
    const pressed = h.sandbox.emulator.pressButton(
      ivan.id,
      welcome.message_id,
      '🎯 Я рекламодатель',
    );
    expect((await pressed.answer).text).toBe('This menu has changed; here is the current one.');
    await ivan.waitFor(
      (m) =>
        m.message_id === welcome.message_id &&
        (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === '🎯 I advertise'),
      { what: 'the redrawn menu' },
    );
  });

  it('ignores pressing the same language twice', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/language');
    await ann.waitForMessage('Choose your language');
    await ann.click('🇬🇧 English');
    await ann.waitFor((m) => m.text === '✅ Language: English.');
    await ann.click('🇬🇧 English');
    ann.send('/cancel');
    await ann.waitForMessage('There was nothing to cancel.');
    expect(ann.botMessages().some((m) => m.text?.includes('Something went wrong'))).toBe(false);
  });
});

describe('blocked accounts', () => {
  it('get a notice instead of the bot', async () => {
    const spam = h.sandbox.user({ first_name: 'Spam', language_code: 'en' });
    spam.send('/start');
    await spam.waitForMessage('Hi, Spam!');
    await h.database.withSystem('test: block an account', (tx) =>
      tx
        .update(accounts)
        .set({ blockedAt: new Date(), blockedReason: 'spam' })
        .where(eq(accounts.telegramId, spam.id)),
    );
    spam.send('/start');
    await spam.waitForMessage('Your account is blocked');
  });
});
