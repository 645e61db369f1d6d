import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h?.close();
});

const bold = expect.objectContaining({ type: 'bold' });

describe('HTML parse mode set once (no parse_mode at the call sites)', () => {
  it('formats replies, screens and a conversation’s replies (its own Api)', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/start');
    await ann.waitForMessage('Who are you here?');
    await ann.click('🎯 I advertise');
    await ann.click('🔎 Find channels');
    const home = await ann.waitFor((m) => m.text?.includes('Channel catalog') === true);
    expect(home.text).not.toContain('<b>');
    expect(home.entities).toContainEqual(bold);

    await ann.click('🔍 Search');
    await ann.waitForMessage("Send part of the channel's name");
    ann.send('olga');
    // catalogSearch replies from inside the conversation: bot.api's transformers do not reach it.
    const found = await ann.waitForMessage('Search: «olga»');
    expect(found.text).toContain('🔎 Channel catalog\n');
    expect(found.entities).toContainEqual(bold);
  });

  it('formats what the outbound gateway sends (a support request in the admin chat)', async () => {
    const bo = h.sandbox.user({ first_name: 'Bo', language_code: 'en' });
    bo.send('/help');
    await bo.waitForMessage('LytSlot help');
    await bo.click('✉️ Ask support');
    await bo.waitForMessage('Write your question in one message');
    bo.send('Where is my refund?');
    await bo.waitForMessage('Your message has been sent to support', { timeoutMs: 8000 });
    const card = await h.sandbox
      .adminChat()
      .waitFor((m) => m.text?.includes('Where is my refund?') === true, { what: 'the request' });
    expect(card.text).toContain('📨 Support request\n');
    expect(card.entities).toContainEqual(bold);
  });
});
