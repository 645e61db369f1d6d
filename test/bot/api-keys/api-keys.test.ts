import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../../models/api-keys/authenticate-api-key.js';
import { botSessions } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeWorkspace } from '../../factories/workspaces.js';
import { startBotHarness, type BotHarness } from '../harness.js';
import { buttonsOf } from '../selling/setup.js';

const keyPattern = /lsk_live_[a-z0-9]{10}_[A-Za-z0-9_-]{43}/;
const inAMonth = () => new Date(Date.now() + 30 * 24 * 3_600_000);

describe('API keys in the bot', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets a Pro owner create a key, see it once, watch its last use and revoke it', async () => {
    const olga = h.sandbox.user({ first_name: 'Olga', language_code: 'en' });
    const account = await makeAccount(h.database, { telegramId: olga.id, language: 'en' });
    const ws = await makeWorkspace(h.database, {
      owner: account.id,
      plan: 'pro',
      planExpiresAt: inAMonth(),
    });

    olga.send('/start');
    await olga.waitForMessage('Who are you here?');
    await olga.click('📢 I own channels');
    await olga.waitFor((m) => buttonsOf(m).includes('🔑 API keys'), { what: 'the owner menu' });
    await olga.click('🔑 API keys');
    const empty = await olga.waitFor((m) => m.text?.includes('API keys of your channels') === true);
    expect(empty.text).toContain('No keys yet.');
    expect(empty.text).toContain('Active keys: 0 of 10.');

    await olga.click('➕ Create a key');
    await olga.waitForMessage('Send a name for the new key');
    olga.send('x'.repeat(61));
    await olga.waitForMessage('The name must be 1 to 60 characters');
    olga.send('CRM sync');
    const shown = await olga.waitForMessage(keyPattern);
    const key = keyPattern.exec(shown.text ?? '')?.[0] ?? '';
    expect(shown.text).toContain('Key «CRM sync» is ready');
    expect(shown.text).toContain('it will not be shown again');
    expect(shown.text).toContain(`Authorization: Bearer ${key}`);
    expect(shown.entities?.some((e) => e.type === 'code')).toBe(true);
    // The key went out in one external step: no session (conversation replay log) holds it.
    const sessions = await h.database.withSystem('test: read sessions', (tx) =>
      tx.select().from(botSessions),
    );
    expect(JSON.stringify(sessions)).not.toContain(key.slice(-43));

    const scope = await authenticateApiKey(h.database, key, h.deps.clock);
    expect(scope).toMatchObject({ kind: 'workspace', workspaceId: ws.workspaceId });

    await olga.click('‹ To my keys');
    const listed = await olga.waitFor(
      (m) => m.text?.includes('CRM sync') === true && m.text.includes('last used') === true,
      { what: 'the key list with its last use' },
    );
    expect(listed.text).toContain(key.slice(0, 'lsk_live_'.length + 10));
    expect(listed.text).not.toContain(key);
    expect(listed.text).toContain('Active keys: 1 of 10.');

    await olga.click('🗑 Revoke «CRM sync»');
    await olga.waitFor((m) => m.text?.includes('Revoke the key «CRM sync»') === true);
    const answer = await olga.click('Yes, revoke');
    expect(answer.text).toBe('Key «CRM sync» revoked');
    const after = await olga.waitFor(
      (m) => /CRM sync · lsk_live_\w+_… · revoked /.test(m.text ?? ''),
      {
        what: 'the list with the revoked key',
      },
    );
    expect(after.text).toContain('Active keys: 0 of 10.');
    expect(buttonsOf(after)).not.toContain('🗑 Revoke «CRM sync»');
    expect(await authenticateApiKey(h.database, key, h.deps.clock)).toBeUndefined();
  });

  it('lets an advertiser create a key for their account from the advertiser screen', async () => {
    const anna = h.sandbox.user({ first_name: 'Anna', language_code: 'ru' });
    anna.send('/start');
    await anna.waitForMessage('LytSlot');
    await anna.click('🎯 Я рекламодатель');
    await anna.click('🔑 API-ключи');
    await anna.waitFor((m) => m.text?.includes('API-ключи вашего аккаунта рекламодателя') === true);
    await anna.click('➕ Создать ключ');
    await anna.waitForMessage('Пришлите название нового ключа');
    anna.send('Скрипт');
    const shown = await anna.waitForMessage(keyPattern);
    const key = keyPattern.exec(shown.text ?? '')?.[0] ?? '';
    expect(shown.text).toContain('больше он показан не будет');
    expect(await authenticateApiKey(h.database, key, h.deps.clock)).toMatchObject({
      kind: 'account',
    });
  });

  it('tells a Free owner why not, with the plan button', async () => {
    const fred = h.sandbox.user({ first_name: 'Fred', language_code: 'en' });
    fred.send('/apikeys');
    await fred.waitForMessage('Whose keys do you want to see?');
    await fred.click('📢 For my channels');
    const screen = await fred.waitFor((m) => m.text?.includes('come with the Pro plan') === true, {
      what: 'the Free explanation',
    });
    expect(buttonsOf(screen)).toContain('💎 Open the plan');
    expect(buttonsOf(screen)).not.toContain('➕ Create a key');
    await fred.click('💎 Open the plan');
    await fred.waitFor((m) => m.text?.includes('Your plan: Free') === true);
  });
});
