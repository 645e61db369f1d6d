import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCardsConsumer } from '../../messages/admin-cards-on-events.js';
import { adminCardRenderJob } from '../../models/admin/cards.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { appendEvent, type DomainEvent, type StoredEvent } from '../../models/outbox/events.js';
import { requestPayout } from '../../models/payouts/request-payout.js';
import { adminCards } from '../../models/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { drainConsumer } from '../helpers/outbox.js';
import { makeTenant } from '../factories/channels.js';
import { makeSettledEarnings } from '../factories/payouts.js';

let database: Database;
const at = new Date('2031-06-01T09:00:00Z');
const clock: Clock = { now: () => at, offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

/** The cards of these objects: kind, object, status and data. */
const cardsOf = (objectIds: string[]) =>
  database.withSystem('test read', (tx) =>
    tx
      .select({
        id: adminCards.id,
        kind: adminCards.kind,
        objectId: adminCards.objectId,
        status: adminCards.status,
        data: adminCards.data,
      })
      .from(adminCards)
      .where(inArray(adminCards.objectId, objectIds)),
  );

/** How many render jobs are queued for a card. */
async function renderJobs(cardId: string): Promise<number> {
  const { rows } = await database.withSystem('test read', (tx) =>
    tx.execute(
      sql`select 1 from agenda_jobs where name = ${adminCardRenderJob} and data->>'cardId' = ${cardId}`,
    ),
  );
  return rows.length;
}

const append = (events: DomainEvent[]) =>
  database.withSystem('test: append events', async (tx) => {
    for (const event of events) await appendEvent(tx, event, at);
  });

/** One event of each type that opens (or redraws) a card, about fresh objects. */
function cardEvents() {
  const workspaceId = randomUUID();
  const ids = {
    order: randomUUID(),
    channel: randomUUID(),
    dispute: randomUUID(),
    placement: randomUUID(),
    payout: randomUUID(),
    account: randomUUID(),
  };
  const payout = {
    workspaceId,
    payoutId: ids.payout,
    requestedByAccountId: ids.account,
    amount: 150_000,
    currency: 'RUB' as const,
  };
  const events: DomainEvent[] = [
    {
      type: 'order.moderation_requested',
      workspaceId,
      orderId: ids.order,
      advertiserAccountId: ids.account,
      reasons: ['first_time', 'flagged'],
    },
    {
      type: 'channel.review_requested',
      workspaceId,
      channelId: ids.channel,
      ownerAccountId: ids.account,
      title: 'Coffee',
    },
    {
      type: 'dispute.opened',
      workspaceId,
      disputeId: ids.dispute,
      orderId: ids.order,
      openerRole: 'advertiser',
      otherPartyAccountId: null,
    },
    {
      type: 'placement.needs_review',
      workspaceId,
      placementId: ids.placement,
      orderId: ids.order,
      reason: 'interrupted_after_send',
    },
    { type: 'payout.requested', ...payout },
  ];
  const decided = (outcome: 'approved' | 'rejected'): DomainEvent => ({
    type: 'payout.decided',
    ...payout,
    outcome,
    method: 'card',
    destination: '•••• 1234',
    reason: null,
    decidedBy: { telegramId: 9001, name: 'Ada' },
  });
  return { ids, events, decided };
}

describe('adminCardsConsumer', () => {
  it('opens exactly one card of the right kind and data per event; an approval redraws it', async () => {
    const { ids, events, decided } = cardEvents();
    await append([
      ...events,
      // Neither opens a card: a rejection is decided by the admin's own use-case, a post is news.
      decided('rejected'),
      {
        type: 'placement.published',
        workspaceId: randomUUID(),
        placementId: ids.placement,
        orderId: ids.order,
      },
    ]);
    await drainConsumer(database, adminCardsConsumer);
    const cards = await cardsOf(Object.values(ids));
    expect(
      cards.map(({ id: _id, ...card }) => card).sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: 'channel', objectId: ids.channel, status: 'open', data: {} },
      {
        kind: 'creative',
        objectId: ids.order,
        status: 'open',
        data: { reasons: ['first_time', 'flagged'] },
      },
      { kind: 'dispute', objectId: ids.dispute, status: 'open', data: {} },
      {
        kind: 'payout',
        objectId: ids.payout,
        status: 'open',
        data: { amount: 150_000, currency: 'RUB' },
      },
      {
        kind: 'placement',
        objectId: ids.placement,
        status: 'open',
        data: { reason: 'interrupted_after_send' },
      },
    ]);
    for (const card of cards) expect(await renderJobs(card.id)).toBe(1);

    await append([decided('approved')]);
    await drainConsumer(database, adminCardsConsumer);
    const [payout] = await cardsOf([ids.payout]);
    expect(payout).toMatchObject({
      status: 'open',
      data: { amount: 150_000, currency: 'RUB', approvedBy: 'Ada', approvedAt: at.toISOString() },
    });
    expect(await renderJobs(payout!.id)).toBe(2);
  });

  it('opens no second card for an event delivered again', async () => {
    const { ids, events } = cardEvents();
    await append(events);
    expect((await drainConsumer(database, adminCardsConsumer)).handled).toBe(events.length);
    // Past its receipts: the handler itself given every event once more.
    await database.withSystem('test: deliver again', async (tx) => {
      for (const [n, event] of events.entries())
        await adminCardsConsumer.handle(tx, {
          ...event,
          id: -1 - n,
          txId: '0',
          occurredAt: at,
        } as StoredEvent);
    });
    expect((await drainConsumer(database, adminCardsConsumer)).handled).toBe(0);
    const cards = await cardsOf(Object.values(ids));
    expect(cards).toHaveLength(events.length);
    for (const card of cards) expect(await renderJobs(card.id)).toBe(1);
  });

  it('opens the card once when the consumer runs after a crash between the change and the card', async () => {
    const owner = await makeTenant(database);
    await makeSettledEarnings(database, owner, { amount: 500_000, currency: 'RUB', base: at });
    const asked = await requestPayout(
      database,
      {
        workspaceId: owner.workspaceId,
        accountId: owner.accountId,
        amount: 150_000,
        currency: 'RUB',
        destination: { method: 'card', details: '4111 1111 1111 1234' },
      },
      clock,
    );
    if (!asked.ok) throw new Error(asked.code);
    const payoutId = asked.value.payoutId;
    // The request committed with its event; no card yet.
    expect(await cardsOf([payoutId])).toEqual([]);
    // The consumer dies inside its batch, after opening the card: its transaction never commits.
    const dying = {
      name: adminCardsConsumer.name,
      async handle(...args: Parameters<typeof adminCardsConsumer.handle>) {
        await adminCardsConsumer.handle(...args);
        if (args[1].type === 'payout.requested') throw new Error('killed');
      },
    };
    expect((await drainConsumer(database, dying)).last.failed).toBe(true);
    expect(await cardsOf([payoutId])).toEqual([]);

    await drainConsumer(database, adminCardsConsumer);
    await drainConsumer(database, adminCardsConsumer);
    const cards = await cardsOf([payoutId]);
    expect(cards).toMatchObject([
      { kind: 'payout', status: 'open', data: { amount: 150_000, currency: 'RUB' } },
    ]);
    expect(await renderJobs(cards[0]!.id)).toBe(1);
  });
});
