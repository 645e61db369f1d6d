import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../models/schema.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { seedOwnedChannel, sendEntryButton } from '../selling/setup.js';

let h: BotHarness;
let nina: TestUser;
let channel: { workspaceId: string; channelId: string };

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

async function storedSettings() {
  const [row] = await h.database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
    tx
      .select({ settings: channels.settings })
      .from(channels)
      .where(eq(channels.id, channel.channelId)),
  );
  return row?.settings as { stopWords?: string[]; blockedDomains?: string[] };
}

describe('stop words and blocked domains in the selling settings', () => {
  it('sets both lists from one message; an empty list is refused; «-» clears', async () => {
    await sendEntryButton(h, nina, 'Selling', `sell:open:${channel.channelId}`);
    await nina.click('Selling');
    await nina.waitFor((m) => m.text?.includes('Selling settings') === true);
    await nina.click('🚫 Stop words and domains');
    const ask = await nina.waitForMessage('Stop words and blocked domains of Nina <Travels>');
    expect(ask.text).toContain('Stop words: none');
    nina.send(' , ');
    await nina.waitForMessage('The list is empty');
    nina.send('Casino, https://Spam.io/promo\nставки');
    const saved = await nina.waitForMessage('✅ Saved.');
    expect(saved.text).toContain('Stop words: casino, ставки');
    expect(saved.text).toContain('Blocked domains: spam.io');
    expect(await storedSettings()).toMatchObject({
      stopWords: ['casino', 'ставки'],
      blockedDomains: ['spam.io'],
    });
    await nina.click('‹ Selling settings');
    await nina.waitFor((m) => m.text?.includes('Selling settings') === true);
    await nina.click('🚫 Stop words and domains');
    await nina.waitForMessage('Stop words: casino, ставки');
    nina.send('-');
    await nina.waitForMessage('Stop words: none');
    expect(await storedSettings()).toMatchObject({ stopWords: [], blockedDomains: [] });
  });
});
