import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockChannel } from '../../../models/admin/block.js';
import { adminCardOf, adminCardRenderJob } from '../../../models/admin/cards.js';
import { approveChannel, rejectChannel } from '../../../models/admin/moderate-channel.js';
import {
  approveOrderCreatives,
  rejectOrderCreatives,
} from '../../../models/admin/moderate-creative.js';
import { setPreModeration } from '../../../models/moderation/moderation-policy.js';
import { closeMootAdminCard, closeMootAdminCards } from '../../../models/admin/moot-cards.js';
import { removeChannel } from '../../../models/channels/remove-channel.js';
import { cancelOrder } from '../../../models/checkout/cancel-order.js';
import { channelAccess } from '../../../models/workspaces/access.js';
import { registerChannel } from '../../../models/channels/register-channel.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { auditLog, channels, creatives, orders } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { payWithStars } from '../../helpers/pay-order.js';
import { channelFacts, createAccount } from '../channels/fixtures.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
let nowMs = Date.UTC(2031, 4, 5, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const admin = { telegramId: 4242, name: 'Ada Admin' };

beforeAll(async () => {
  database = await createTestDatabase();
  await setPreModeration(database, { enabled: true, actor: 'system:test', at: clock.now() });
});
afterAll(async () => {
  await database?.close();
});

const moderation = (enabled: boolean) =>
  setPreModeration(database, { enabled, actor: 'system:test', at: clock.now() });

const read = <T>(fn: (tx: Parameters<Parameters<Database['withSystem']>[1]>[0]) => Promise<T>) =>
  database.withSystem('test read', fn);

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await read((tx) =>
    tx.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(auditLog.at),
  );
  return rows.map((r) => r.action);
}

async function queued(name: string, match: string): Promise<Record<string, unknown>[]> {
  if (name === 'notifications.send') await deliverEvents(database);
  const { rows } = await database.db.execute<{ data: Record<string, unknown> }>(
    sql`select data from agenda_jobs where name = ${name} and data::text like ${'%' + match + '%'}`,
  );
  return rows.map((r) => r.data);
}

/** The card the outbox opens for an object (its events delivered first) and its render jobs. */
async function openedCard(kind: 'channel' | 'creative', objectId: string) {
  await deliverEvents(database);
  const card = await adminCardOf(database, kind, objectId);
  if (!card) return undefined;
  const renders = (await queued(adminCardRenderJob, card.id)).length;
  return { status: card.status, data: card.data, renders };
}

async function newChannel() {
  const olga = await createAccount(database, 'ru');
  const facts = channelFacts({ title: `Olga ${Math.random()}` });
  const result = await registerChannel(database, {
    accountId: olga.id,
    language: 'ru',
    facts,
    now: clock.now(),
  });
  if (!result.ok) throw new Error(result.code);
  return { olga, ...result.value };
}

const channelRow = (id: string) =>
  read(async (tx) => (await tx.select().from(channels).where(eq(channels.id, id)))[0]);

describe('channel moderation', () => {
  it('a new channel waits for review, with a card opened and the owner told', async () => {
    const { channelId, pendingReview, olga } = await newChannel();
    expect(pendingReview).toBe(true);
    expect((await channelRow(channelId))?.status).toBe('pending_review');
    expect(await openedCard('channel', channelId)).toEqual({
      status: 'open',
      data: {},
      renders: 1,
    });
    const told = await queued('notifications.send', olga.id);
    expect(told.map((d) => d.key)).toContain('admin-channel-pending');
  });

  it('approval makes it active and listed; a second decision is refused', async () => {
    const { channelId, olga } = await newChannel();
    const result = await approveChannel(database, { channelId, admin }, clock);
    expect(result.ok).toBe(true);
    expect(await channelRow(channelId)).toMatchObject({ status: 'active', statusReason: null });
    expect(await auditActions(channelId)).toEqual(['channel.registered', 'channel.approved']);
    const card = await adminCardOf(database, 'channel', channelId);
    expect(card).toMatchObject({
      status: 'decided',
      decision: 'approved',
      decidedByName: 'Ada Admin',
    });
    const told = await queued('notifications.send', olga.id);
    expect(told.map((d) => d.key)).toContain('admin-channel-approved');
    const again = await rejectChannel(database, { channelId, admin, reason: 'late' }, clock);
    expect(again).toMatchObject({ ok: false, code: 'not_pending' });
    expect((await channelRow(channelId))?.status).toBe('active');
  });

  it('approval of a channel whose bot lost the right to post pauses it for rights', async () => {
    const { channelId } = await newChannel();
    const before = await channelRow(channelId);
    await read((tx) =>
      tx
        .update(channels)
        .set({ botRights: { ...before!.botRights, can_post_messages: false } })
        .where(eq(channels.id, channelId)),
    );
    expect((await approveChannel(database, { channelId, admin }, clock)).ok).toBe(true);
    expect(await channelRow(channelId)).toMatchObject({
      status: 'paused',
      statusReason: 'bot_rights',
    });
  });

  it('rejection keeps it out of the catalog with the reason', async () => {
    const { channelId } = await newChannel();
    const result = await rejectChannel(
      database,
      { channelId, admin, reason: 'Casino <ads>' },
      clock,
    );
    expect(result.ok).toBe(true);
    expect(await channelRow(channelId)).toMatchObject({
      status: 'blocked',
      statusReason: 'Casino <ads>',
    });
    expect(await auditActions(channelId)).toContain('channel.rejected');
    expect((await adminCardOf(database, 'channel', channelId))?.reason).toBe('Casino <ads>');
  });

  it('with pre-moderation off a new channel is active at once', async () => {
    await moderation(false);
    try {
      const { channelId, pendingReview } = await newChannel();
      expect(pendingReview).toBe(false);
      expect((await channelRow(channelId))?.status).toBe('active');
      expect(await openedCard('channel', channelId)).toBeUndefined();
    } finally {
      await moderation(true);
    }
  });
});

/** A held order of `advertiser`, paid with Stars. */
async function paidOrder(advertiser: string, settings = {}) {
  const seeded = await makeOrder(database, {
    advertiser,
    at: clock.now(),
    channelOverrides: { settings: settings },
    items: 2,
  });
  const { paid } = await payWithStars(database, clock, {
    accountId: advertiser,
    orderId: seeded.orderId,
    preCheckout: true,
  });
  if (!paid.ok || paid.value.kind !== 'paid') throw new Error('not paid');
  return { seeded, route: paid.value.status };
}

const orderRow = (id: string) =>
  read(async (tx) => (await tx.select().from(orders).where(eq(orders.id, id)))[0]);
const creativeRows = (id: string) =>
  read((tx) => tx.select().from(creatives).where(eq(creatives.orderId, id)));

describe('creative moderation routing', () => {
  it('holds a first-time advertiser’s paid order for an admin, then routes it on approval', async () => {
    const advertiser = (await makeAccount(database)).id;
    // 2 h to review: well before the slot a day ahead, so the hours decide the deadline.
    const { seeded, route } = await paidOrder(advertiser, {
      review: { mode: 'manual', deadlineHours: 2 },
    });
    expect(route).toBe('moderation');
    expect((await orderRow(seeded.orderId))?.status).toBe('paid');
    expect((await creativeRows(seeded.orderId)).map((c) => c.moderationStatus)).toEqual([
      'pending',
    ]);
    expect(await openedCard('creative', seeded.orderId)).toEqual({
      status: 'open',
      data: { reasons: ['first_time'] },
      renders: 1,
    });
    expect((await queued('notifications.send', advertiser)).map((d) => d.key)).toContain(
      'admin-creative-pending',
    );

    nowMs += 3 * 3_600_000; // the admin answers three hours later
    const approved = await approveOrderCreatives(
      database,
      { orderId: seeded.orderId, admin },
      clock,
    );
    if (!approved.ok) throw new Error(approved.code);
    expect(approved.value.route).toBe('in_review');
    const order = await orderRow(seeded.orderId);
    expect(order?.status).toBe('in_review');
    // The owner's 2 h start when the order reaches them, not at payment.
    expect(order?.reviewDeadlineAt?.getTime()).toBe(nowMs + 2 * 3_600_000);
    expect((await creativeRows(seeded.orderId)).map((c) => c.moderationStatus)).toEqual([
      'approved',
    ]);
    expect(await auditActions(seeded.orderId)).toEqual(
      expect.arrayContaining([
        'creative.moderation_requested',
        'creative.approved',
        'order.in_review',
      ]),
    );
    const again = await approveOrderCreatives(database, { orderId: seeded.orderId, admin }, clock);
    expect(again).toMatchObject({ ok: false, code: 'not_pending' });

    // Known now: the next order of this advertiser goes straight to the owner.
    const next = await paidOrder(advertiser);
    expect(next.route).toBe('in_review');
  });

  it('sends a returning advertiser’s flagged post to the admin too', async () => {
    const advertiser = (await makeAccount(database)).id;
    await moderation(false);
    await paidOrder(advertiser, { review: { mode: 'auto', deadlineHours: 24 } });
    await moderation(true);
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await read((tx) =>
      tx
        .update(creatives)
        .set({
          moderationStatus: 'pending',
          moderationFlags: [{ source: 'stop_words', code: 'stop_word', detail: 'casino' }],
        })
        .where(eq(creatives.orderId, seeded.orderId)),
    );
    const { paid } = await payWithStars(database, clock, {
      accountId: advertiser,
      orderId: seeded.orderId,
    });
    expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('moderation');
    expect(await openedCard('creative', seeded.orderId)).toEqual({
      status: 'open',
      data: { reasons: ['flagged'] },
      renders: 1,
    });
  });

  it('rejection rejects the order with the reason the advertiser is told', async () => {
    const advertiser = (await makeAccount(database)).id;
    const { seeded } = await paidOrder(advertiser);
    const rejected = await rejectOrderCreatives(
      database,
      { orderId: seeded.orderId, admin, reason: 'Gambling is not allowed' },
      clock,
    );
    expect(rejected.ok).toBe(true);
    expect(await orderRow(seeded.orderId)).toMatchObject({
      status: 'rejected',
      statusReason: 'Gambling is not allowed',
    });
    expect(await creativeRows(seeded.orderId)).toMatchObject([
      { moderationStatus: 'rejected', moderationNote: 'Gambling is not allowed' },
    ]);
    const told = (await queued('notifications.send', advertiser)).find(
      (d) => d.key === 'admin-creative-rejected',
    );
    expect(told?.vars).toMatchObject({ reason: 'Gambling is not allowed' });
    expect(await auditActions(seeded.orderId)).toEqual(
      expect.arrayContaining(['creative.rejected', 'order.rejected']),
    );
    expect((await adminCardOf(database, 'creative', seeded.orderId))?.decision).toBe('rejected');
  });

  it('with pre-moderation off routes as before', async () => {
    await moderation(false);
    try {
      const advertiser = (await makeAccount(database)).id;
      const { route, seeded } = await paidOrder(advertiser);
      expect(route).toBe('in_review');
      expect(await openedCard('creative', seeded.orderId)).toBeUndefined();
    } finally {
      await moderation(true);
    }
  });
});

describe('cards of objects that end another way', () => {
  it('a channel block closes the open creative card of its order (cancelled) and a pending channel’s own card (blocked)', async () => {
    const advertiser = (await makeAccount(database)).id;
    const { seeded, route } = await paidOrder(advertiser);
    expect(route).toBe('moderation');
    // The outbox opens the card.
    await deliverEvents(database);
    const blocked = await blockChannel(
      database,
      { channelId: seeded.channelId, admin, reason: 'Fraudulent audience' },
      clock,
    );
    expect(blocked.ok && blocked.value.orders.map((o) => o.orderId)).toEqual([seeded.orderId]);
    expect((await orderRow(seeded.orderId))?.status).toBe('cancelled');
    expect(await adminCardOf(database, 'creative', seeded.orderId)).toMatchObject({
      status: 'decided',
      decision: 'cancelled',
      reason: 'Fraudulent audience',
      decidedByName: admin.name,
    });

    const { channelId } = await newChannel();
    await deliverEvents(database);
    expect(
      (await blockChannel(database, { channelId, admin, reason: 'Spam channel' }, clock)).ok,
    ).toBe(true);
    expect(await adminCardOf(database, 'channel', channelId)).toMatchObject({
      status: 'decided',
      decision: 'blocked',
    });
  });

  it('cards whose object ended another way (advertiser cancelled, channel removed) are closed by the sweep; waiting ones stay', async () => {
    const advertiser = (await makeAccount(database)).id;
    const cancelled = await paidOrder(advertiser);
    const waiting = await paidOrder((await makeAccount(database)).id);
    const { olga, channelId } = await newChannel();
    await deliverEvents(database);

    expect(
      (
        await cancelOrder(
          database,
          { accountId: advertiser, orderId: cancelled.seeded.orderId },
          clock,
        )
      ).ok,
    ).toBe(true);
    const access = await channelAccess(database, olga.id, channelId);
    expect((await removeChannel(database, access!, olga.id, clock.now())).ok).toBe(true);
    // A card opened moments ago is left alone (its object may still be settling in).
    expect(await closeMootAdminCards(database, clock)).toBe(0);

    nowMs += 5 * 60_000;
    expect(await closeMootAdminCards(database, clock)).toBe(2);
    expect(await adminCardOf(database, 'creative', cancelled.seeded.orderId)).toMatchObject({
      status: 'decided',
      decision: 'moot',
      reason: 'cancelled',
      decidedByName: 'LytSlot',
    });
    expect(await adminCardOf(database, 'channel', channelId)).toMatchObject({
      status: 'decided',
      decision: 'moot',
      reason: 'gone',
    });
    expect(await adminCardOf(database, 'creative', waiting.seeded.orderId)).toMatchObject({
      status: 'open',
    });
    const cardIds = [cancelled.seeded.orderId, channelId].map(
      async (id) =>
        (await adminCardOf(database, id === channelId ? 'channel' : 'creative', id))!.id,
    );
    // Each was queued to be posted when opened, and once more now to show it closed.
    for (const id of await Promise.all(cardIds))
      expect(await queued(adminCardRenderJob, id)).toEqual([{ cardId: id }, { cardId: id }]);
    // Nothing left to close; the waiting one is not closed when asked about directly either.
    expect(await closeMootAdminCards(database, clock)).toBe(0);
    expect(
      await closeMootAdminCard(
        database,
        { kind: 'creative', objectId: waiting.seeded.orderId },
        clock,
      ),
    ).toBe(false);
  });
});
