import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWebhookEndpoints } from '../../../models/partner-webhooks/list-webhook-endpoints.js';
import { botSessions } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { startBotHarness, type BotHarness } from '../harness.js';
import { buttonsOf } from '../selling/setup.js';

const secretPattern = /whsec_[A-Za-z0-9_-]{43}/;

describe('webhooks in the bot', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets an advertiser add an endpoint, see its secret once, rotate it and delete it', async () => {
    const anna = h.sandbox.user({ first_name: 'Anna', language_code: 'en' });
    const account = await makeAccount(h.database, { telegramId: anna.id, language: 'en' });
    const actor = {
      kind: 'account' as const,
      owner: { accountId: account.id },
      accountId: account.id,
    };

    anna.send('/apikeys');
    await anna.waitFor((m) => buttonsOf(m).includes('🎯 For my advertiser account'), {
      what: 'whose keys',
    });
    await anna.click('🎯 For my advertiser account');
    await anna.waitFor((m) => buttonsOf(m).includes('🔔 Webhooks'), { what: 'the keys screen' });
    await anna.click('🔔 Webhooks');
    const empty = await anna.waitFor(
      (m) => m.text?.includes('Webhooks of your advertiser account') === true,
    );
    expect(empty.text).toContain('No endpoints yet.');

    await anna.click('➕ Add an endpoint');
    await anna.waitForMessage('Send the https:// address');
    anna.send('ftp://crm.example.com/hook');
    await anna.waitForMessage('That is not an https:// address');
    anna.send('https://crm.example.com/hook');
    const shown = await anna.waitForMessage(secretPattern);
    const secret = secretPattern.exec(shown.text ?? '')?.[0] ?? '';
    expect(shown.text).toContain('it will not be shown again');
    const sessions = await h.database.withSystem('test: read sessions', (tx) =>
      tx.select().from(botSessions),
    );
    expect(JSON.stringify(sessions)).not.toContain(secret);

    await anna.click('‹ To my webhooks');
    const listed = await anna.waitFor(
      (m) => m.text?.includes('https://crm.example.com/hook') === true && m.text.includes('events'),
    );
    expect(listed.text).toContain('9 events');
    expect(listed.text).not.toContain(secret);

    await anna.click('🔄 New secret for 1');
    const rotated = await anna.waitForMessage('New secret for');
    const next = secretPattern.exec(rotated.text ?? '')?.[0];
    expect(next).toBeDefined();
    expect(next).not.toBe(secret);
    expect(rotated.text).toContain('24 hours');

    await anna.click('‹ To my webhooks');
    await anna.waitFor((m) => buttonsOf(m).includes('🗑 Delete 1'), { what: 'the list again' });
    await anna.click('🗑 Delete 1');
    await anna.waitFor((m) => m.text?.includes('Delete the endpoint') === true);
    const answer = await anna.click('Yes, delete');
    expect(answer.text).toBe('Endpoint deleted');
    await anna.waitFor((m) => m.text?.includes('No endpoints yet.') === true, {
      what: 'the empty list',
    });
    const left = await listWebhookEndpoints(h.database, { actor }, h.deps.clock);
    expect(left).toMatchObject({ ok: true, value: { endpoints: [] } });
  });
});
