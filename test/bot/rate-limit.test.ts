import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimit } from '../../bot/middleware/rate-limit.js';
import { type BotHarness, startBotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ adminChat: false });
});

afterAll(async () => {
  await h?.close();
});

const hint = 'Use the menu or /help';
const notice = 'Too many messages';

describe('rate limit', () => {
  it('notices a user once after 100 updates in a minute and ignores the rest; others are served', async () => {
    const spammer = h.sandbox.user({ first_name: 'Spam', language_code: 'en' });
    const calm = h.sandbox.user({ first_name: 'Calm', language_code: 'ru' });
    for (let i = 0; i < rateLimit.updates + 10; i++) spammer.send(`message ${i}`);
    await spammer.waitForMessage(notice, { timeoutMs: 20_000 });
    const hints = () => spammer.botMessages().filter((m) => m.text?.includes(hint)).length;
    await spammer.waitFor(() => hints() >= rateLimit.updates, {
      timeoutMs: 30_000,
      what: `${rateLimit.updates} hints`,
    });
    calm.send('привет');
    await calm.waitForMessage('Воспользуйтесь меню или /help');
    // Exactly the allowed updates were served, and one notice for the whole window.
    const texts = spammer.botMessages().map((m) => m.text ?? '');
    expect(texts.filter((t) => t.includes(hint))).toHaveLength(rateLimit.updates);
    expect(texts.filter((t) => t.includes(notice))).toHaveLength(1);
    expect(calm.botMessages().some((m) => m.text?.includes('Слишком много'))).toBe(false);
  });
});

describe('support without ADMIN_CHAT_ID', () => {
  it('says support is not configured', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/help');
    await ann.waitForMessage('LytSlot help');
    await ann.click('✉️ Ask support');
    await ann.waitForMessage('Support is not configured');
    ann.send('hello');
    await ann.waitForMessage(hint);
  });
});
