import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../models/schema.js';
import { eq } from 'drizzle-orm';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { buttonsOf, seedOwnedChannel, sendEntryButton } from '../selling/setup.js';

let h: BotHarness;
let olga: TestUser;
let channel: { accountId: string; workspaceId: string; channelId: string };

async function start(user: TestUser): Promise<void> {
  user.send('/help');
  await user.waitForMessage('LytSlot help');
}

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.user({ first_name: 'Olga', username: 'olga', language_code: 'en' });
  await start(olga);
  channel = await seedOwnedChannel(h, olga, 'Olga Travels');
});

afterAll(async () => {
  await h?.close();
});

describe('co-managers', () => {
  it('invite by link, manager edits prices, cannot manage members, loses access when revoked', async () => {
    await sendEntryButton(h, olga, 'Members', 'mem:open');
    await olga.click('Members');
    const list = await olga.waitFor((m) => m.text?.includes('Your workspace') === true);
    expect(list.text).toContain('Olga (@olga) — owner');
    expect(list.text).toContain('No managers yet');
    await olga.click('➕ Create an invite link');
    const invite = await olga.waitForMessage('One-time invite link');
    const link = /https:\/\/t\.me\/(\w+)\?start=(inv_[A-Za-z0-9_-]+)/.exec(invite.text ?? '');
    expect(link?.[1]).toBe(h.sandbox.bot.username);
    const payload = link?.[2] ?? '';

    const max = h.sandbox.user({ first_name: 'Max', language_code: 'ru' });
    max.send(`/start ${payload}`);
    await max.waitForMessage('Теперь вы менеджер');
    await olga.waitForMessage('Max joined your workspace as a manager');

    const late = h.sandbox.user({ first_name: 'Late', language_code: 'en' });
    late.send(`/start ${payload}`);
    await late.waitForMessage('This invite link has already been used');
    olga.send('/start inv_doesnotexistatall0000');
    await olga.waitForMessage('This invite link is not valid');

    // The manager edits a price of the owner's channel.
    await sendEntryButton(h, max, 'Selling', `sell:open:${channel.channelId}`);
    await max.click('Selling');
    await max.waitFor((m) => m.text?.includes('Настройки продаж — Olga Travels') === true);
    await max.click('💰 Форматы и цены');
    await max.click('1/24 · выкл.');
    await max.waitForMessage('Пришлите цену формата 1/24');
    max.send('-5');
    await max.waitForMessage('Цена должна быть больше нуля');
    max.send('1500,50');
    const saved = await max.waitForMessage('✅ Сохранено.');
    expect(saved.text).toMatch(/1\/24 — 1\s500,50\s\$/);

    // Members management is the owner's: Max's own screen is his own workspace, not Olga's.
    await sendEntryButton(h, max, 'Members', 'mem:open');
    await max.click('Members');
    const maxList = await max.waitFor(
      (m) => m.text?.includes('Ваше рабочее пространство') === true,
    );
    expect(maxList.text).not.toContain('Olga');
    expect(buttonsOf(maxList).some((b) => b.includes('Olga'))).toBe(false);

    // The owner revokes Max after confirming.
    await olga.click('‹ Back');
    await sendEntryButton(h, olga, 'Members', 'mem:open');
    await olga.click('Members');
    await olga.waitFor((m) => m.text?.includes('Max — manager') === true);
    await olga.click('✖ Revoke Max');
    await olga.waitFor((m) => m.text?.includes('Revoke the access of Max?') === true);
    await olga.click('Yes, revoke');
    await max.waitForMessage('Ваш доступ менеджера к каналам Olga отозван');
    const after = await olga.waitFor((m) => m.text?.includes('No managers yet') === true);
    expect(after.text).not.toContain('Max');

    // Max's old buttons now find nothing, and nothing changes.
    // (Saving the price left him on the formats list: try switching 1/24 off.)
    const answer = await max.click('✖ Выкл.');
    expect(answer.text).toBe('Канал не найден или у вас нет к нему доступа.');
    const [row] = await h.database.withScope({ workspaceId: channel.workspaceId }, (tx) =>
      tx
        .select({ settings: channels.settings })
        .from(channels)
        .where(eq(channels.id, channel.channelId)),
    );
    expect((row?.settings as { prices: unknown }).prices).toEqual({ '1/24': 150_050 });
  });
});
