import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCardOf, openAdminCard } from '../../../models/admin/cards.js';
import { formatMoment } from '../../../format/dates.js';
import { accounts, orders, slots, workspaceMembers } from '../../../models/schema.js';
import { makeAccount } from '../../factories/accounts.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { buttonsOf, channelRow, pressCrafted } from './helpers.js';

let h: BotHarness;
let olga: TestUser;
let channelId: string;
let workspaceId: string;

const isCard = (m: { text?: string }) => m.text?.includes('?start=ch_') === true;

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.owner();
  olga.send('/start');
  await olga.waitForMessage('Привет');
  olga.channel(h.sandbox.ids.demoChannelId).addBot();
  await olga.waitForMessage('Вы добавили меня в канал');
  await olga.click('✅ Завершить настройку');
  await olga.waitFor(isCard, { what: 'the card' });
  const row = await channelRow(h, h.sandbox.ids.demoChannelId);
  if (!row) throw new Error('channel not registered');
  channelId = row.id;
  workspaceId = row.workspaceId;
});
afterAll(async () => {
  await h?.close();
});

describe('rights changes', () => {
  it('removing the bot pauses the channel and tells the owner; adding it back resumes', async () => {
    // A paid ad is due in two hours: the notice names it and the 15-minute deadline.
    const hour = 3600_000;
    const startsAt = new Date(Math.ceil((Date.now() + 2 * hour) / hour) * hour);
    const advertiserAccountId = (await makeAccount(h.database)).id;
    const [order] = await h.database.withSystem('test: a paid order', (tx) =>
      tx
        .insert(orders)
        .values({ workspaceId, advertiserAccountId, currency: 'XTR', status: 'scheduled' })
        .returning({ id: orders.id }),
    );
    if (!order) throw new Error('no order');
    await h.database.withScope({ workspaceId }, (tx) =>
      tx
        .insert(slots)
        .values({ channelId, workspaceId, startsAt, status: 'booked', orderId: order.id }),
    );
    const demo = olga.channel(h.sandbox.ids.demoChannelId);
    demo.removeBot();
    const notice = await olga.waitForMessage('Бота удалили из канала Olga Travels');
    expect(notice.text).toContain('Продажи приостановлены');
    expect(notice.text).toContain(
      `В канале оплачена реклама:\n• ${formatMoment(startsAt, 'Europe/Moscow', 'ru')} — заказ ${order.id.slice(0, 8)}`,
    );
    expect(notice.text).toContain('не позже чем через 15 минут после её времени');
    expect(await channelRow(h, demo.id)).toMatchObject({
      status: 'paused',
      statusReason: 'bot_rights',
    });
    await olga.click('📢 Открыть канал');
    const card = await olga.waitFor(
      (m) => isCard(m) && m.text?.includes('не хватает прав') === true,
      { what: 'paused card' },
    );
    expect(card.text).toContain('⚠️ Публикация сообщений');
    expect(buttonsOf(card)).toContain('▶️ Возобновить');

    demo.addBot();
    await olga.waitForMessage('Права бота в канале Olga Travels восстановлены');
    expect(await channelRow(h, demo.id)).toMatchObject({ status: 'active', statusReason: null });

    demo.setBotRights({ can_edit_messages: true });
    await olga.waitForMessage('Бот потерял право «Публикация сообщений»');
    demo.setBotRights({
      can_post_messages: true,
      can_edit_messages: true,
      can_delete_messages: true,
    });
    await olga.waitForMessage('восстановлены');
    await h.database.withSystem('test: drop the paid order', async (tx) => {
      await tx.delete(slots).where(eq(slots.orderId, order.id));
      await tx.delete(orders).where(eq(orders.id, order.id));
    });
  });

  it('the owner pauses and resumes from the card', async () => {
    await olga.click('📢 Открыть канал');
    await olga.waitFor((m) => isCard(m) && m.text?.includes('✅ продаётся') === true);
    const paused = await olga.click('⏸ Пауза');
    expect(paused.text).toContain('на паузе');
    await olga.waitFor((m) => isCard(m) && m.text?.includes('вы приостановили') === true);
    await olga.click('▶️ Возобновить');
    await olga.waitFor((m) => isCard(m) && m.text?.includes('✅ продаётся') === true);
  });
});

describe('managers and other workspaces', () => {
  it('a manager sees the channel but cannot remove it', async () => {
    const mia = h.sandbox.user({ first_name: 'Mia', language_code: 'en' });
    mia.send('/start');
    await mia.waitForMessage('Hi, Mia');
    const [account] = await h.database.withSystem('test', (tx) =>
      tx.select().from(accounts).where(eq(accounts.telegramId, mia.id)),
    );
    if (!account) throw new Error('no account for Mia');
    await h.database.withScope({ workspaceId }, (tx) =>
      tx.insert(workspaceMembers).values({ workspaceId, accountId: account.id, role: 'manager' }),
    );
    await mia.click('📢 I own channels');
    await mia.waitFor((m) => m.text?.includes('For channel owners') === true);
    await mia.click('📋 My channels');
    const list = await mia.waitFor((m) => m.text?.includes('Your channels') === true);
    expect(list.text).toContain('Olga Travels — ✅ selling (manager)');
    await mia.click('Olga Travels');
    const card = await mia.waitFor(isCard, { what: 'card for the manager' });
    expect(buttonsOf(card)).not.toContain('🗑 Remove');
    expect(buttonsOf(card)).toContain('⚙️ Selling settings');
    const refused = await pressCrafted(h, mia, `ch:remove-yes:${channelId}`);
    expect(refused.text).toBe('Only the owner of the workspace can do this.');
    expect(await channelRow(h, h.sandbox.ids.demoChannelId)).toBeDefined();
  });

  it('another owner gets "not found" for crafted buttons and nothing changes', async () => {
    const zed = h.sandbox.user({ first_name: 'Zed', language_code: 'en' });
    zed.send('/start');
    await zed.waitForMessage('Hi, Zed');
    for (const action of ['card', 'remove', 'remove-yes', 'pause', 'recheck']) {
      const answer = await pressCrafted(h, zed, `ch:${action}:${channelId}`);
      expect(answer, action).toMatchObject({ text: expect.stringContaining('Channel not found') });
    }
    // Malformed data matches no button kind (messages/callback-data/channels.ts): the fallback
    // only stops the spinner.
    const garbage = await pressCrafted(h, zed, `ch:card:not-a-uuid'; drop table channels`);
    expect(garbage).toEqual({});
    expect(await channelRow(h, h.sandbox.ids.demoChannelId)).toMatchObject({ status: 'active' });
    expect(zed.botMessages().some((m) => m.text?.includes('Olga Travels'))).toBe(false);
  });
});

describe('removing a channel', () => {
  it('is refused while a future slot is booked, and works once none is', async () => {
    const startsAt = new Date(h.deps.clock.now().getTime() + 3 * 24 * 3600_000);
    await h.database.withScope({ workspaceId }, (tx) =>
      tx.insert(slots).values({ channelId, workspaceId, startsAt, status: 'booked' }),
    );
    olga.send('/start');
    await olga.waitForMessage('Привет');
    await olga.click('📢 У меня есть каналы');
    await olga.waitFor((m) => m.text?.includes('Владельцам каналов') === true);
    await olga.click('📋 Мои каналы');
    await olga.waitFor((m) => m.text?.includes('Ваши каналы') === true);
    await olga.click('Olga Travels');
    const card = await olga.waitFor((m) => isCard(m) && m.text?.includes('• ') === true, {
      what: 'card with the booking',
    });
    expect(card.text).not.toContain('Пока нет.');
    await olga.click('🗑 Удалить');
    await olga.waitFor((m) => m.text?.includes('Удалить Olga Travels из LytSlot?') === true);
    const refused = await olga.click('🗑 Да, удалить');
    expect(refused).toMatchObject({ show_alert: true });
    expect(refused.text).toContain('предстоящие брони');
    expect(await channelRow(h, h.sandbox.ids.demoChannelId)).toBeDefined();

    await h.database.withScope({ workspaceId }, (tx) =>
      tx.delete(slots).where(eq(slots.channelId, channelId)),
    );
    // An admin card about it still open (say it waited for review): closed with the removal.
    await h.database.withSystem('test: open a card', (tx) =>
      openAdminCard(tx, { kind: 'channel', objectId: channelId, at: h.deps.clock.now() }),
    );
    await olga.click('🗑 Да, удалить');
    await olga.waitFor((m) => m.text?.includes('удалён из LytSlot') === true);
    expect(await channelRow(h, h.sandbox.ids.demoChannelId)).toBeUndefined();
    expect(await adminCardOf(h.database, 'channel', channelId)).toMatchObject({
      status: 'decided',
      decision: 'moot',
      reason: 'gone',
    });
  });
});
