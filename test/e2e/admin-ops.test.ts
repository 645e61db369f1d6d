import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../models/audit/record-audit.js';
import { accounts, auditLog, channels } from '../../models/schema.js';
import { startFakeQuickChart, type FakeQuickChart } from '../../sandbox/fakes/quickchart.js';
import type { ApiMessage } from '../../sandbox/types.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  type CheckoutWorld,
} from '../bot/checkout/setup.js';
import { startAdminWorld } from '../helpers/admin-world.js';
import type { TestUser } from '../helpers/telegram-user.js';
import { makeChannel } from '../factories/channels.js';

/**
 * Admin operations end to end in the sandbox: blocks (a channel's paid Stars orders cancelled and
 * refunded; a blocked account told why), look-ups with their buttons, the audit view, /stats with
 * chart images from the local QuickChart, and the guard refusing a non-admin.
 */
let world: CheckoutWorld;
let charts: FakeQuickChart;
const hour = 3_600_000;

beforeAll(async () => {
  charts = await startFakeQuickChart();
  world = await startAdminWorld({ env: { QUICKCHART_URL: charts.url } });
}, 60_000);
afterAll(async () => {
  await world?.close();
  await charts?.close();
});

const auditActions = (objectId: string) =>
  world.database.withSystem('test read', (tx) =>
    tx
      .select({ actor: auditLog.actor, action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(eq(auditLog.objectId, objectId)),
  );

const textOf = (m: ApiMessage) => m.text ?? m.caption ?? '';

/** The admin types in the admin chat and waits for the bot's answer containing `expect`. */
let adminSession: ReturnType<CheckoutWorld['sandbox']['adminChat']> | undefined;
/** One view of the admin chat for the whole file (it remembers which answers were read). */
const adminChat = () => (adminSession ??= world.sandbox.adminChat());

async function adminSays(text: string, expected: string | RegExp): Promise<ApiMessage> {
  const chat = adminChat();
  chat.send(text);
  return chat.waitForMessage(expected, { timeoutMs: 15_000 });
}

describe('admin operations in the admin chat', () => {
  let paid: Awaited<ReturnType<typeof seedPeople>>;
  let chargeId = '';
  let channelChatId = 0;

  it('blocking a channel cancels its paid Stars order and refunds it; owner and advertiser are told; all audited', async () => {
    paid = await seedPeople(world);
    await openInvoice(paid.advertiser);
    const payment = await paid.advertiser.pay();
    if (!payment.ok) throw new Error('not paid');
    chargeId = payment.value.chargeId;
    await paid.advertiser.waitForMessage(/Payment received/);
    expect((await readOrderState(world, paid.order)).order.status).toBe('in_review');
    const [channel] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(channels).where(eq(channels.id, paid.order.channelId)),
    );
    channelChatId = channel!.telegramChatId;

    const answer = await adminSays(
      `/block channel ${channelChatId} Fake audience, bought subscribers`,
      /blocked/,
    );
    expect(textOf(answer)).toContain('Orders cancelled: 1 · refunded: 1');
    expect(world.sandbox.emulator.world.charges.get(chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, paid.order);
    expect(state.order).toMatchObject({ status: 'refunded', statusReason: 'channel_blocked' });
    expect(state.payments[0]?.status).toBe('refunded');
    expect(state.escrow).toBe(0);
    expect(state.slots.every((s) => s.status === 'free' && s.orderId === null)).toBe(true);
    const [blocked] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(channels).where(eq(channels.id, paid.order.channelId)),
    );
    expect(blocked).toMatchObject({
      status: 'blocked',
      statusReason: 'Fake audience, bought subscribers',
    });

    await paid.advertiser.waitForMessage(/LytSlot blocked the channel \(Fake audience/, {
      timeoutMs: 15_000,
    });
    await paid.owner.waitForMessage(/LytSlot blocked your channel/, { timeoutMs: 15_000 });

    const admin = `admin:${world.sandbox.ids.adminId}`;
    const channelRows = await auditActions(paid.order.channelId);
    expect(channelRows).toContainEqual(
      expect.objectContaining({
        actor: admin,
        action: 'channel.blocked',
        data: expect.objectContaining({ reason: 'Fake audience, bought subscribers' }),
      }),
    );
    const orderRows = await auditActions(paid.order.orderId);
    expect(orderRows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['order.paid', 'order.cancelled', 'order.refunded']),
    );
    expect(orderRows.find((r) => r.action === 'order.cancelled')?.actor).toBe(admin);
  });

  it('look-ups answer with key facts and buttons; the audit view lists and pages the rows', async () => {
    const order = await adminSays(`/order ${paid.order.orderId.slice(0, 8)}`, /Order/);
    expect(textOf(order)).toContain(paid.order.orderId);
    expect(textOf(order)).toContain('refunded');
    expect(textOf(order)).toContain('Telegram Stars: refunded');
    const chat = adminChat();
    await chat.click('📜 Audit');
    const view = await chat.waitForMessage(/Audit: order/, { timeoutMs: 10_000 });
    expect(textOf(view)).toContain('order.cancelled');
    expect(textOf(view)).toContain(`admin:${world.sandbox.ids.adminId}`);

    const card = await adminSays(`/channel ${channelChatId}`, /Status: ⛔ blocked by LytSlot/);
    expect(textOf(card)).toContain('Fake audience');
    const trail = await adminSays(`/audit channel ${channelChatId}`, /Audit: channel/);
    expect(textOf(trail)).toContain('channel.blocked');
    // A longer trail is paged: «Older ▶️» turns the page of the same message.
    await world.database.withSystem('test seed', async (tx) => {
      for (let i = 0; i < 9; i++)
        await recordAudit(tx, {
          actor: 'system:test',
          action: `channel.note${i}`,
          objectType: 'channel',
          objectId: paid.order.channelId,
          data: {},
          at: new Date(world.clock.now().getTime() - (i + 1) * 60_000),
        });
    });
    const paged = await adminSays(`/audit channel ${channelChatId}`, /page 1\/2/);
    await chat.click('Older ▶️');
    await chat.waitFor((m) => m.message_id === paged.message_id && textOf(m).includes('page 2/2'), {
      what: 'the second page in place',
    });

    // Unblock from the look-up button: active again, the card refreshed in place.
    await chat.click('✅ Unblock');
    await chat.waitForMessage(/unblocked: it is on sale again/, { timeoutMs: 10_000 });
    await chat.waitFor(
      (m) => m.message_id === card.message_id && textOf(m).includes('Status: ✅ selling'),
      {
        what: 'the refreshed channel card',
      },
    );
    const user = await adminSays(`/user ${paid.advertiser.id}`, /Not blocked/);
    expect(textOf(user)).toContain(String(paid.advertiser.id));
    expect(textOf(await adminSays('/order nonsense!', /can't read/))).toContain('nonsense!');
  });

  it('a blocked account trying to book is told why (the admin blocks it from the /user card)', async () => {
    const at = world.clock.now();
    const slot = new Date(Math.ceil(at.getTime() / hour) * hour + 2 * 24 * hour);
    const channel = await makeChannel(world.database, {
      slots: [slot],
      settings: { timezone: 'Europe/Moscow' },
    });
    const buyer: TestUser = world.sandbox.user({ first_name: 'Mallory', username: 'mallory_ads' });
    buyer.send('/start');
    await buyer.waitForMessage('Who are you here?');
    buyer.send(`/start ch_${channel.shareCode}`);
    await buyer.waitFor(
      (m) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === '📅 Book'),
      {
        what: 'the channel card',
      },
    );

    await adminSays('/user @mallory_ads', /Mallory/);
    const chat = adminChat();
    await chat.click('⛔ Block');
    const prompt = await chat.waitForMessage(/Why block user/, { timeoutMs: 10_000 });
    world.sandbox.emulator.sendMessage(world.sandbox.ids.adminId, 'no', {
      chatId: world.sandbox.ids.adminChatId,
      replyToMessageId: prompt.message_id,
    });
    await chat.waitForMessage(/3–500 characters/, { timeoutMs: 10_000 });
    world.sandbox.emulator.sendMessage(world.sandbox.ids.adminId, 'Chargebacks on 3 cards', {
      chatId: world.sandbox.ids.adminChatId,
      replyToMessageId: prompt.message_id,
    });
    await chat.waitForMessage(/User .* blocked: Chargebacks on 3 cards/, { timeoutMs: 10_000 });

    const refusal = await buyer.click('📅 Book');
    expect(String(refusal.text)).toContain('blocked and cannot book ads: Chargebacks on 3 cards');
    buyer.send('/orders');
    await buyer.waitForMessage(/account is blocked on LytSlot: Chargebacks on 3 cards/);
    const [row] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(accounts).where(eq(accounts.telegramId, buyer.id)),
    );
    expect(row?.blockedReason).toBe('Chargebacks on 3 cards');
    const rows = await auditActions(row!.id);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'account.blocked',
        actor: `admin:${world.sandbox.ids.adminId}`,
      }),
    );
  });

  it('/stats sends the summary and PNG charts; a failing chart service leaves the summary alone', async () => {
    const before = charts.requests.length;
    const summary = await adminSays('/stats day', /Platform stats/);
    expect(textOf(summary)).toMatch(/GMV \(paid orders\): [^\n]*2,000/);
    const chat = adminChat();
    const photo = await chat.waitFor((m) => m.photo !== undefined, {
      what: 'a chart photo',
      timeoutMs: 15_000,
    });
    expect(textOf(photo)).toContain('GMV by day');
    const sizes = photo.photo as { file_id: string }[];
    const fileId = sizes[sizes.length - 1]!.file_id;
    const bytes = world.sandbox.emulator.world.files.get(fileId)?.data;
    expect(bytes?.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(charts.requests.length).toBe(before + 2);
    expect(charts.requests.at(-2)?.chart.data.datasets[0]).toMatchObject({ label: 'RUB' });

    charts.setMode('error');
    const alone = await adminSays('/stats week', /Charts are unavailable/);
    expect(textOf(alone)).toContain('Platform stats');
    charts.setMode('ok');
    expect(textOf(await adminSays('/stats year', /Usage/))).toContain('/stats day|week|month');
  });

  it('a manual refund from the /order answer asks the reason, cancels and refunds the order, tells the advertiser', async () => {
    const second = await seedPeople(world);
    await openInvoice(second.advertiser);
    const payment = await second.advertiser.pay();
    if (!payment.ok) throw new Error('not paid');
    await second.advertiser.waitForMessage(/Payment received/);
    await adminSays(`/order ${second.order.orderId}`, /Status: 👀 in review/);
    const chat = adminChat();
    await chat.click('💸 Refund');
    const prompt = await chat.waitForMessage(/Why refund order/, { timeoutMs: 10_000 });
    world.sandbox.emulator.sendMessage(world.sandbox.ids.adminId, 'Owner unreachable for a week', {
      chatId: world.sandbox.ids.adminChatId,
      replyToMessageId: prompt.message_id,
    });
    await chat.waitForMessage(/refunded in full/, { timeoutMs: 15_000 });
    expect(world.sandbox.emulator.world.charges.get(payment.value.chargeId)?.refunded).toBe(true);
    const state = await readOrderState(world, second.order);
    expect(state.order).toMatchObject({ status: 'refunded', statusReason: 'admin_refund' });
    expect(state.escrow).toBe(0);
    await second.advertiser.waitForMessage(/refunds your order .* in full: Owner unreachable/, {
      timeoutMs: 15_000,
    });
    const rows = await auditActions(second.order.orderId);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'order.manual_refund',
        actor: `admin:${world.sandbox.ids.adminId}`,
        data: expect.objectContaining({ reason: 'Owner unreachable for a week' }),
      }),
    );
  });

  it('a non-admin in the admin chat is refused and the attempt is logged', async () => {
    const eve = world.sandbox.user({ first_name: 'Eve' });
    eve.join(world.sandbox.ids.adminChatId);
    const inChat = eve.inChat(world.sandbox.ids.adminChatId);
    inChat.send('/block channel @anything because');
    await adminChat().waitForMessage(/Only LytSlot admins/, { timeoutMs: 10_000 });
    const pressed = await inChat.click('📜 Audit');
    expect(pressed).toMatchObject({
      show_alert: true,
      text: expect.stringContaining('Only LytSlot admins'),
    });
    const refusals = await world.database.withSystem('test read', (tx) =>
      tx
        .select({ data: auditLog.data })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'admin.refused'),
            inArray(auditLog.actor, [`telegram:${eve.id}`]),
          ),
        ),
    );
    expect(refusals.length).toBe(2);
    // Nothing was blocked by Eve.
    const [c] = await world.database.withSystem('test read', (tx) =>
      tx
        .select({ status: channels.status })
        .from(channels)
        .where(eq(channels.id, paid.order.channelId)),
    );
    expect(c?.status).toBe('active');
  });
});
