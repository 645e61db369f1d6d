import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payOrderFromBalance } from '../../../models/checkout/pay-from-balance.js';
import { balanceCharge } from '../../../models/checkout/payment-methods.js';
import type { Clock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { postEntries } from '../../../models/ledger/post-entries.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import type { Currency } from '../../../models/orders/table.js';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import { starsFor } from '../../../models/payments/stars-amount.js';
import { decideReview } from '../../../models/review/decide-review.js';
import { orders, payments } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { testStarsRates } from '../../helpers/pay-order.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { type MadeOrder, makeOrder } from '../../factories/orders.js';

let database: Database;
const nowMs = Date.UTC(2031, 5, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Puts `amount` on the advertiser's credit as a settlement pro-rata credit would (escrow → them). */
async function credit(
  accountId: string,
  amount: number,
  currency: Currency,
  orderId = randomUUID(),
) {
  await database.withSystem('test seed: advertiser credit', (tx) =>
    postEntries(tx, {
      memo: `order ${orderId}: settlement credit (test)`,
      lines: [
        { account: 'escrow', amount, currency },
        { account: `advertiser:${accountId}`, amount: -amount, currency },
      ],
      at: clock.now(),
    }),
  );
  return orderId;
}

const creditOf = async (accountId: string, currency: Currency) => {
  const view = await readAdvertiserBalance(database, accountId);
  return view.credits.find((c) => c.currency === currency)?.available ?? 0;
};

const pay = (accountId: string, orderId: string) =>
  payOrderFromBalance(
    database,
    { accountId, orderId, readiness: orderReadiness, rates: testStarsRates },
    clock,
  );

const escrowOf = (o: MadeOrder, currency: Currency) =>
  database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, 'escrow', currency));

async function read(o: MadeOrder) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const rows = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    return { order: order!, payments: rows };
  });
}

async function queued(o: MadeOrder, key: string) {
  await deliverEvents(database);
  return database.withSystem('test read', async (tx) => {
    const { rows } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from agenda_jobs where name = 'notifications.send'
          and data->>'key' = ${key} and data->'vars'->>'order' = ${o.orderId.slice(0, 8)}`,
    );
    return rows[0]?.n ?? 0;
  });
}

async function unbalancedPostings(): Promise<number> {
  return database.withSystem('test read', async (tx) => {
    const { rows } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from (select posting_id from ledger_entries
          group by posting_id, currency having sum(amount) <> 0) t`,
    );
    return rows[0]?.n ?? 0;
  });
}

describe('the advertiser balance', () => {
  it('a credited advertiser sees the credit and its movement, labelled with the order', async () => {
    const advertiser = (await makeAccount(database)).id;
    const source = await credit(advertiser, 50_000, 'RUB');
    const view = await readAdvertiserBalance(database, advertiser);
    expect(view.credits).toEqual([{ currency: 'RUB', available: 50_000 }]);
    expect(view.movements).toEqual([
      expect.objectContaining({ kind: 'credit', amount: 50_000, currency: 'RUB', orderId: source }),
    ]);
    // Another advertiser sees nothing of it.
    const other = (await makeAccount(database)).id;
    expect(await readAdvertiserBalance(database, other)).toEqual({ credits: [], movements: [] });
  });

  it('balanceCharge covers the whole order only: same currency first, else Stars; never a part', () => {
    const order = { total: 200_000, currency: 'RUB' as const };
    expect(balanceCharge(order, { RUB: 200_000 }, testStarsRates)).toEqual({
      amount: 200_000,
      currency: 'RUB',
    });
    expect(balanceCharge(order, { RUB: 199_999 }, testStarsRates)).toBeUndefined();
    const stars = starsFor(200_000, 'RUB', testStarsRates);
    expect(balanceCharge(order, { RUB: 1, XTR: stars }, testStarsRates)).toEqual({
      amount: stars,
      currency: 'XTR',
    });
    expect(balanceCharge(order, { XTR: stars - 1 }, testStarsRates)).toBeUndefined();
    expect(balanceCharge({ total: 100, currency: 'EUR' }, { XTR: 10_000 }, testStarsRates)).toBe(
      undefined,
    );
  });
});

describe('paying an order from the balance', () => {
  it('pays the whole order: paid, credit down by exactly the total, escrow holds it, receipt says balance', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await credit(advertiser, 250_000, 'RUB');
    const paid = await pay(advertiser, seeded.orderId);
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;
    expect(paid.value).toMatchObject({ kind: 'paid', amount: seeded.total, currency: 'RUB' });
    const state = await read(seeded);
    expect(['in_review', 'scheduled']).toContain(state.order.status);
    expect(state.payments).toEqual([
      expect.objectContaining({
        provider: 'balance',
        status: 'succeeded',
        amount: seeded.total,
        currency: 'RUB',
        providerPaymentId: expect.stringMatching(new RegExp(`^balance:${seeded.orderId}:`)),
      }),
    ]);
    expect(await creditOf(advertiser, 'RUB')).toBe(250_000 - seeded.total);
    expect(await escrowOf(seeded, 'RUB')).toBe(-seeded.total);
    expect(await queued(seeded, 'receipt-payment-balance')).toBe(1);
    const view = await readAdvertiserBalance(database, advertiser);
    expect(view.movements).toContainEqual(
      expect.objectContaining({ kind: 'paid', amount: seeded.total, orderId: seeded.orderId }),
    );
    expect(await unbalancedPostings()).toBe(0);
  });

  it('Stars credit pays a RUB order with starsFor(total) ⭐', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    const stars = starsFor(seeded.total, 'RUB', testStarsRates);
    await credit(advertiser, stars + 5, 'XTR');
    const paid = await pay(advertiser, seeded.orderId);
    expect(paid.ok && paid.value).toMatchObject({ amount: stars, currency: 'XTR' });
    expect(await creditOf(advertiser, 'XTR')).toBe(5);
    expect(await escrowOf(seeded, 'XTR')).toBe(-stars);
  });

  it('credit short of the whole order ⇒ insufficient_balance and nothing changes', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await credit(advertiser, seeded.total - 1, 'RUB');
    const refused = await pay(advertiser, seeded.orderId);
    expect(refused).toMatchObject({ ok: false, code: 'insufficient_balance' });
    const state = await read(seeded);
    expect(state.order.status).toBe('held');
    expect(state.payments).toEqual([]);
    expect(await creditOf(advertiser, 'RUB')).toBe(seeded.total - 1);
    expect(await escrowOf(seeded, 'RUB')).toBe(0);
  });

  it("someone else's order cannot be paid from my balance", async () => {
    const owner = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser: owner, at: clock.now(), items: 2 });
    const intruder = (await makeAccount(database)).id;
    await credit(intruder, seeded.total, 'RUB');
    expect(await pay(intruder, seeded.orderId)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await creditOf(intruder, 'RUB')).toBe(seeded.total);
  });

  it('two concurrent balance payments whose sum exceeds the credit ⇒ exactly one succeeds', async () => {
    const advertiser = (await makeAccount(database)).id;
    const first = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    const second = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await credit(advertiser, first.total + second.total - 1, 'RUB');
    const results = await Promise.all([
      pay(advertiser, first.orderId),
      pay(advertiser, second.orderId),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ ok: false, code: 'insufficient_balance' }),
    ]);
    expect(await creditOf(advertiser, 'RUB')).toBe(second.total - 1);
    expect(await unbalancedPostings()).toBe(0);
  });

  it('the owner rejects ⇒ the whole amount goes back to the credit, no provider involved', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await credit(advertiser, seeded.total, 'RUB');
    const paid = await pay(advertiser, seeded.orderId);
    expect(paid.ok && paid.value.status).toBe('in_review');
    expect(await creditOf(advertiser, 'RUB')).toBe(0);
    const decided = await decideReview(
      database,
      {
        accountId: seeded.ownerAccountId,
        orderId: seeded.orderId,
        decision: { kind: 'reject', reason: 'Not our topic' },
      },
      clock,
    );
    expect(decided.ok).toBe(true);
    const refunded = await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refunders: {} },
      clock,
    );
    expect(refunded).toMatchObject({
      ok: true,
      value: { amount: seeded.total, credited: seeded.total, provider: 'balance' },
    });
    const state = await read(seeded);
    expect(state.order.status).toBe('refunded');
    expect(state.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: seeded.total });
    expect(await creditOf(advertiser, 'RUB')).toBe(seeded.total);
    expect(await escrowOf(seeded, 'RUB')).toBe(0);
    expect(await queued(seeded, 'receipt-refund-balance')).toBe(1);
    // A second refund finds nothing left.
    const again = await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test' },
      clock,
    );
    expect(again).toMatchObject({ ok: false, code: 'nothing_to_refund' });
    expect(await creditOf(advertiser, 'RUB')).toBe(seeded.total);
    expect(await unbalancedPostings()).toBe(0);
  });
});
