import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPreModerationOn } from '../../models/moderation/moderation-policy.js';
import { checkCreativeContent } from '../../models/creatives/check-content.js';
import { searchCatalog } from '../../models/catalog/search-catalog.js';
import { auditLog, channels, creatives, orders } from '../../models/schema.js';
import {
  openInvoice,
  readOrderState,
  seedPeople,
  startCheckoutWorld,
  type CheckoutWorld,
} from '../bot/checkout/setup.js';
import type { ApiMessage } from '../../sandbox/types.js';
import type { TestUser } from '../helpers/telegram-user.js';
import { registerChannel } from '../../models/channels/register-channel.js';
import { removeChannel } from '../../models/channels/remove-channel.js';
import { channelAccess } from '../../models/workspaces/access.js';
import { channelFacts, createAccount } from '../models/channels/fixtures.js';

let world: CheckoutWorld;

beforeAll(async () => {
  world = await startCheckoutWorld({ jobs: true, moderation: true });
  const admins = world.sandbox.adminChat();
  admins.send('/adminlang en');
  await admins.waitForMessage('The admin chat now speaks English.', { timeoutMs: 10_000 });
});
afterAll(async () => {
  await world?.close();
});

const wait = { timeoutMs: 15_000 };
const text = (m: ApiMessage) => m.text ?? m.caption ?? '';
const buttons = (m: ApiMessage) =>
  (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
const hasButton = (label: string) => (m: ApiMessage) => buttons(m).includes(label);

/** Waits for an admin card (new or edited) in the admin chat. */
function card(predicate: (m: ApiMessage) => boolean, what: string) {
  return world.sandbox.adminChat().waitFor(predicate, { ...wait, what });
}

/** `user` presses `label` on one message of the admin chat; resolves with the bot's answer. */
function press(user: TestUser | number, message: ApiMessage, label: string) {
  const userId = typeof user === 'number' ? user : user.id;
  return world.sandbox.emulator.pressButton(userId, message.message_id, label, {
    chatId: world.sandbox.ids.adminChatId,
  }).answer;
}

/** An admin answers the bot's ForceReply prompt in the admin chat. */
async function replyToPrompt(prompt: RegExp, answer: string) {
  const asked = await card((m) => prompt.test(text(m)), 'the reason prompt');
  world.sandbox.emulator.sendMessage(world.sandbox.ids.adminId, answer, {
    chatId: world.sandbox.ids.adminChatId,
    replyToMessageId: asked.message_id,
  });
}

async function audit(objectId: string) {
  return world.database.withSystem('test read', (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.objectId, objectId)),
  );
}

const decidedBy = /— Ada \(admin\), .+ UTC/;

describe('admin moderation in the sandbox (pre-moderation on)', () => {
  it('a new channel waits for approval before it is listed; outsiders cannot press its buttons', async () => {
    const nina = world.sandbox.user({ first_name: 'Nina', language_code: 'en' });
    const channel = nina.createChannel({
      title: 'Tech Daily',
      username: 'tech_daily_demo',
      subscribers: 5_000,
    });
    nina.send('/start');
    await nina.waitForMessage('Who are you here?');
    await nina.click('📢 I own channels');
    await nina.waitFor(hasButton('➕ Add a channel'), { what: 'the owner menu' });
    await nina.click('➕ Add a channel');
    await nina.waitFor(
      (m) =>
        text(m).includes('startchannel') ||
        (m.reply_markup?.inline_keyboard ?? [])
          .flat()
          .some((b) => 'url' in b && String(b.url).includes('startchannel')),
      { what: 'the add-channel screen' },
    );
    channel.addBot();
    await nina.waitForMessage('Tech Daily');
    await nina.click('✅ Finish setup');
    await nina.waitFor((m) => text(m).includes('waiting for a LytSlot moderator'), {
      ...wait,
      what: 'the pending notice',
    });

    const open = await card(
      (m) => text(m).includes('New channel waiting for approval') && text(m).includes('Tech Daily'),
      'the channel card',
    );
    expect(buttons(open)).toEqual(['✅ Approve', '❌ Reject']);
    const [row] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(channels).where(eq(channels.telegramChatId, channel.id)),
    );
    expect(row?.status).toBe('pending_review');
    // Sellable in every other way: prices and a schedule.
    await world.database.withSystem('test setup', (tx) =>
      tx
        .update(channels)
        .set({
          settings: {
            ...row!.settings,
            prices: { '1/24': 50_000 },
            schedule: { mode: 'times', days: [1, 2, 3, 4, 5, 6, 7], times: ['10:00'] },
          },
        })
        .where(eq(channels.id, row!.id)),
    );
    const listed = () => searchCatalog(world.database, { search: 'Tech Daily' }, { page: 0 });
    expect((await listed()).total).toBe(0);

    // A member of the admin chat who is not a listed admin: refused, logged, nothing changes.
    const mallory = world.sandbox.user({ first_name: 'Mallory' });
    world.sandbox.emulator.joinChat(mallory.id, world.sandbox.ids.adminChatId);
    const refused = await press(mallory, open, '✅ Approve');
    expect(refused).toMatchObject({ show_alert: true });
    expect(refused.text).toContain('Only LytSlot admins');
    world.sandbox.emulator.sendMessage(mallory.id, '/moderation off', {
      chatId: world.sandbox.ids.adminChatId,
    });
    await card((m) => text(m).includes('Only LytSlot admins'), 'the refusal of a command');
    expect(await world.database.withSystem('t', (tx) => isPreModerationOn(tx))).toBe(true);
    const refusals = await world.database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'admin.refused'), eq(auditLog.actor, `telegram:${mallory.id}`)),
        ),
    );
    expect(refusals.map((r) => r.data.kind).sort()).toEqual(['callback', 'command']);
    expect((await listed()).total).toBe(0);

    // The admin approves: the card is edited in place, the channel is listed, the owner told.
    const answer = await press(world.sandbox.ids.adminId, open, '✅ Approve');
    expect(answer.text).toBe('Done.');
    const decided = await card(
      (m) => m.message_id === open.message_id && text(m).includes('Approved'),
      'the decided card',
    );
    expect(text(decided)).toMatch(decidedBy);
    expect(buttons(decided)).toEqual([]);
    expect((await listed()).items.map((i) => i.title)).toEqual(['Tech Daily']);
    await nina.waitFor((m) => text(m).includes('has been approved'), { ...wait, what: 'approval' });
    const actions = (await audit(row!.id)).map((r) => `${r.action} ${r.actor}`);
    expect(actions).toContain(`channel.approved admin:${world.sandbox.ids.adminId}`);
  });

  it("a first-time advertiser's post is approved by an admin, then by the owner", async () => {
    const { advertiser, owner, order } = await seedPeople(world);
    await openInvoice(advertiser);
    expect((await advertiser.pay()).ok).toBe(true);
    await advertiser.waitFor((m) => text(m).includes('checked by a LytSlot moderator'), {
      ...wait,
      what: 'the moderation notice',
    });
    expect((await readOrderState(world, order)).order.status).toBe('paid');

    const open = await card(
      (m) =>
        text(m).includes('Post waiting for moderation') &&
        text(m).includes(order.orderId.slice(0, 8)),
      'the creative card',
    );
    expect(text(open)).toContain('First order of this advertiser');
    await card((m) => text(m).includes('Fresh coffee every morning'), 'the post preview');
    // The owner hears nothing before the admin decides.
    expect(owner.botMessages().some((m) => text(m).includes('New order to review'))).toBe(false);

    await press(world.sandbox.ids.adminId, open, '✅ Approve');
    const decided = await card(
      (m) => m.message_id === open.message_id && text(m).includes('Approved'),
      'the decided card',
    );
    expect(text(decided)).toMatch(decidedBy);
    await owner.waitFor((m) => text(m).includes('New order to review'), {
      ...wait,
      what: 'review',
    });
    expect((await readOrderState(world, order)).order.status).toBe('in_review');
    await owner.click('✅ Approve');
    await advertiser.waitFor((m) => text(m).includes('approved and scheduled'), {
      ...wait,
      what: 'scheduled',
    });
    expect((await readOrderState(world, order)).order.status).toBe('scheduled');
    const actions = (await audit(order.orderId)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'creative.moderation_requested',
        'creative.approved',
        'order.scheduled',
      ]),
    );
  });

  it('a flagged post is rejected by the admin with a reason the advertiser sees, and refunded', async () => {
    const { advertiser, order } = await seedPeople(world);
    // The content check (MODERATION's) flags the post; its flags are stored on the creative.
    const content = { kind: 'text' as const, text: 'Best casino bonuses tonight' };
    const { flags } = await checkCreativeContent({
      content,
      buttons: [],
      rules: { stopWords: [], blockedDomains: [] },
    });
    expect(flags.length).toBeGreaterThan(0);
    await world.database.withSystem('test setup', (tx) =>
      tx
        .update(creatives)
        .set({ content, buttons: [], moderationStatus: 'pending', moderationFlags: flags })
        .where(eq(creatives.orderId, order.orderId)),
    );
    await openInvoice(advertiser);
    expect((await advertiser.pay()).ok).toBe(true);
    const open = await card(
      (m) =>
        text(m).includes('Post waiting for moderation') &&
        text(m).includes(order.orderId.slice(0, 8)),
      'the creative card',
    );
    expect(text(open)).toContain('casino');
    expect(text(open)).toContain('The content check flagged the post');

    const asked = await press(world.sandbox.ids.adminId, open, '❌ Reject');
    expect(asked.text).toContain('Reply to the bot');
    await replyToPrompt(/reason for rejecting the post/, 'Gambling ads are not allowed');
    const decided = await card(
      (m) => m.message_id === open.message_id && text(m).includes('Rejected'),
      'the decided card',
    );
    expect(text(decided)).toMatch(decidedBy);
    expect(text(decided)).toContain('Reason: Gambling ads are not allowed');
    await advertiser.waitFor((m) => text(m).includes('Reason: Gambling ads are not allowed'), {
      ...wait,
      what: 'the reason',
    });
    await advertiser.waitFor((m) => text(m).includes('refunded in full'), {
      ...wait,
      what: 'the refund',
    });
    const state = await readOrderState(world, order);
    expect(state.order.status).toBe('refunded');
    expect(state.escrow).toBe(0);
    const [row] = await world.database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, order.orderId)),
    );
    expect(row?.statusReason).toBe('Gambling ads are not allowed');
    const actions = (await audit(order.orderId)).map((r) => `${r.action} ${r.actor}`);
    expect(actions).toContain(`creative.rejected admin:${world.sandbox.ids.adminId}`);
    expect(actions.some((a) => a.startsWith('order.refunded'))).toBe(true);
  });

  it('the advertiser cancels while the post waits for moderation: refunded, and the card closes itself', async () => {
    const { advertiser, order } = await seedPeople(world);
    await openInvoice(advertiser);
    const paid = await advertiser.pay();
    if (!paid.ok) throw new Error('not paid');
    const open = await card(
      (m) =>
        text(m).includes('Post waiting for moderation') &&
        text(m).includes(order.orderId.slice(0, 8)),
      'the creative card',
    );
    advertiser.send('/orders');
    await advertiser.waitForMessage(/My orders/);
    await advertiser.click(/💰 paid/);
    await advertiser.waitFor((m) => text(m).includes('Status: 💰 paid'), { what: 'the order' });
    await advertiser.click('↩️ Cancel order');
    await advertiser.waitFor((m) => text(m).includes('Cancel this order?'), { what: 'confirm' });
    await advertiser.click('Yes, cancel');
    await advertiser.waitFor((m) => /Refund receipt[\s\S]*Refunded: .* ⭐/.test(m.text ?? ''), {
      timeoutMs: 10_000,
      what: 'the refund receipt',
    });
    expect(world.sandbox.emulator.world.charges.get(paid.value.chargeId)?.refunded).toBe(true);
    expect((await readOrderState(world, order)).order.status).toBe('refunded');

    const closed = await card(
      (m) => m.message_id === open.message_id && text(m).includes('no longer waits'),
      'the closed card',
    );
    expect(text(closed)).toMatch(/⏹ .*— LytSlot, .+ UTC/);
    expect(text(closed)).toContain('Now: cancelled');
    expect(buttons(closed)).toEqual([]);
  });

  it('a press on a card whose object is gone closes the card and says so', async () => {
    const olga = await createAccount(world.database, 'en');
    const registered = await registerChannel(world.database, {
      accountId: olga.id,
      language: 'en',
      facts: channelFacts({ title: 'Short-lived channel' }),
      now: world.clock.now(),
    });
    if (!registered.ok) throw new Error(registered.code);
    const { channelId } = registered.value;
    const open = await card(
      (m) => text(m).includes('New channel waiting') && text(m).includes('Short-lived channel'),
      'the channel card',
    );
    // The owner removes it before anyone looked: the card still shows its buttons.
    const access = await channelAccess(world.database, olga.id, channelId);
    expect((await removeChannel(world.database, access!, olga.id, world.clock.now())).ok).toBe(
      true,
    );
    const answer = await press(world.sandbox.ids.adminId, open, '✅ Approve');
    expect(answer.text).toBe(
      'This no longer waits for a decision (it ended another way): the card is closed.',
    );
    const closed = await card(
      (m) => m.message_id === open.message_id && text(m).includes('no longer waits'),
      'the closed card',
    );
    expect(text(closed)).toContain('Now: it no longer exists');
    expect(buttons(closed)).toEqual([]);
  });
});
