import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCardJob } from '../../messages/review-card.js';
import { cancelOrder } from '../../models/checkout/cancel-order.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { refundOrderPayment } from '../../models/payments/refund-order.js';
import { decideReview } from '../../models/review/decide-review.js';
import { rejectOverdueReviews } from '../../models/review/reject-overdue.js';
import { makeAccount } from '../factories/accounts.js';
import { makeOrder } from '../factories/orders.js';
import { createTestDatabase } from '../helpers/db.js';
import { deliverEvents } from '../helpers/outbox.js';
import { payWithStars } from '../helpers/pay-order.js';

let database: Database;
let nowMs = Date.UTC(2031, 4, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const manual = { review: { mode: 'manual' as const, deadlineHours: 2 } };

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

interface Queued extends Record<string, unknown> {
  accountId: string;
  key: string;
  vars: Record<string, string | number> | null;
  buttons: { key: string; data?: string }[][] | null;
}

/** The notifications queued for these accounts. */
async function notificationsOf(...accountIds: string[]): Promise<Queued[]> {
  const { rows } = await database.withSystem('test read', (tx) =>
    tx.execute<Queued>(
      sql`select data->>'accountId' as "accountId", data->>'key' as key, data->'vars' as vars,
            data->'buttons' as buttons
          from agenda_jobs where name = 'notifications.send'
            and data->>'accountId' in (${sql.join(
              accountIds.map((id) => sql`${id}`),
              sql`, `,
            )})`,
    ),
  );
  return rows;
}

/** The review-card jobs queued for an order: whose card. */
async function cardJobsOf(orderId: string): Promise<string[]> {
  const { rows } = await database.withSystem('test read', (tx) =>
    tx.execute<{ accountId: string }>(
      sql`select data->>'accountId' as "accountId" from agenda_jobs
          where name = ${reviewCardJob} and data->>'orderId' = ${orderId}`,
    ),
  );
  return rows.map((r) => r.accountId);
}

/** A held order of `settings`' channel, paid with Stars by a new advertiser (routed on payment). */
async function paidOrder(settings: object) {
  const advertiser = (await makeAccount(database, { firstName: 'Alex' })).id;
  const order = await makeOrder(database, {
    advertiser,
    at: clock.now(),
    channelOverrides: { settings, title: 'Coffee <daily>' },
  });
  const { paid } = await payWithStars(database, clock, {
    accountId: advertiser,
    orderId: order.orderId,
  });
  if (!paid.ok) throw new Error(paid.code);
  return { ...order, advertiser };
}

const keys = (queued: Queued[]) => queued.map((n) => `${n.accountId}:${n.key}`);
const told = async (accountId: string, key: string) =>
  (await notificationsOf(accountId)).filter((n) => n.key === key);
const openOrder = (orderId: string) => [
  [{ key: 'orders-button-open', data: `ord:card:${orderId}` }],
];

describe('an order’s review news comes from its events', () => {
  it('paid into review ⇒ the advertiser hears until when, each owner gets one review card job, once', async () => {
    const order = await paidOrder(manual);
    await deliverEvents(database);
    const [news, ...more] = await told(order.advertiser, 'review-news-in-review');
    expect(more).toEqual([]);
    expect(news).toMatchObject({
      key: 'review-news-in-review',
      vars: { channel: 'Coffee <daily>', deadline: expect.stringMatching(/^2031-05-06T11:00/) },
      buttons: openOrder(order.orderId),
    });
    expect(await cardJobsOf(order.orderId)).toEqual([order.ownerAccountId]);
    // Delivered again (a restarted dispatcher): nothing more is queued.
    await deliverEvents(database);
    expect(await cardJobsOf(order.orderId)).toHaveLength(1);
    expect(await told(order.advertiser, 'review-news-in-review')).toHaveLength(1);
  });

  it('auto-accepted ⇒ the advertiser hears it is scheduled, the owner that it was accepted; no card', async () => {
    const order = await paidOrder({ review: { mode: 'auto', deadlineHours: 24 } });
    await deliverEvents(database);
    const heard = keys(await notificationsOf(order.advertiser, order.ownerAccountId));
    expect(heard).toContain(`${order.advertiser}:review-news-scheduled`);
    expect(heard).toContain(`${order.ownerAccountId}:review-auto-scheduled-owner`);
    expect(await cardJobsOf(order.orderId)).toEqual([]);
  });

  it('an owner approves ⇒ only the advertiser hears it; rejects ⇒ the advertiser hears why', async () => {
    const approved = await paidOrder(manual);
    const rejected = await paidOrder(manual);
    await deliverEvents(database);
    const before = await notificationsOf(approved.ownerAccountId, rejected.ownerAccountId);
    const decide = (o: typeof approved, decision: Parameters<typeof decideReview>[1]['decision']) =>
      decideReview(database, { accountId: o.ownerAccountId, orderId: o.orderId, decision }, clock);
    expect((await decide(approved, { kind: 'approve' })).ok).toBe(true);
    expect((await decide(rejected, { kind: 'reject', reason: 'Not our <topic>' })).ok).toBe(true);
    await deliverEvents(database);
    expect(await told(approved.advertiser, 'review-news-scheduled')).toMatchObject([
      {
        vars: { channel: 'Coffee <daily>' },
        buttons: openOrder(approved.orderId),
      },
    ]);
    expect(await told(rejected.advertiser, 'review-news-rejected')).toMatchObject([
      {
        vars: { channel: 'Coffee <daily>', reason: 'Not our <topic>' },
      },
    ]);
    const after = await notificationsOf(approved.ownerAccountId, rejected.ownerAccountId);
    expect(after).toHaveLength(before.length);
  });

  it('the review deadline passes ⇒ both sides hear it was auto-rejected', async () => {
    const order = await paidOrder(manual);
    nowMs += 3 * 3_600_000;
    expect(await rejectOverdueReviews(database, clock)).toContainEqual({
      orderId: order.orderId,
      workspaceId: order.workspaceId,
    });
    await deliverEvents(database);
    const heard = keys(await notificationsOf(order.advertiser, order.ownerAccountId));
    expect(heard).toContain(`${order.advertiser}:review-news-auto-rejected`);
    expect(heard).toContain(`${order.ownerAccountId}:review-auto-rejected-owner`);
  });

  it('the advertiser cancels in review ⇒ the owners hear it; cancelling a held order tells nobody', async () => {
    const inReview = await paidOrder(manual);
    const held = await makeOrder(database, { at: clock.now() });
    await deliverEvents(database);
    const cancel = (o: { advertiserAccountId: string; orderId: string }) =>
      cancelOrder(database, { accountId: o.advertiserAccountId, orderId: o.orderId }, clock);
    expect((await cancel(inReview)).ok).toBe(true);
    expect((await cancel(held)).ok).toBe(true);
    await deliverEvents(database);
    expect(await told(inReview.ownerAccountId, 'review-cancelled-owner')).toMatchObject([
      { vars: { channel: 'Coffee <daily>' } },
    ]);
    expect(keys(await notificationsOf(inReview.advertiser))).not.toContain(
      `${inReview.advertiser}:review-cancelled-owner`,
    );
    expect(await notificationsOf(held.advertiserAccountId, held.ownerAccountId)).toEqual([]);
  });

  it('Telegram refuses a Stars refund ⇒ the advertiser hears once that it is on its way', async () => {
    const order = await paidOrder(manual);
    const refused = async () => ({ ok: false as const, alreadyRefunded: false, error: 'busy' });
    const input = { workspaceId: order.workspaceId, orderId: order.orderId, actor: 'test' };
    await decideReview(
      database,
      {
        accountId: order.ownerAccountId,
        orderId: order.orderId,
        decision: { kind: 'reject', reason: 'No thanks' },
      },
      clock,
    );
    for (let i = 0; i < 2; i++)
      expect(
        await refundOrderPayment(database, { ...input, refund: refused }, clock),
      ).toMatchObject({ ok: false, code: 'refund_failed' });
    await deliverEvents(database);
    expect(await told(order.advertiser, 'review-news-refund-pending')).toHaveLength(1);
  });
});
