import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOrder } from '../../../models/checkout/cancel-order.js';
import { checkPreCheckout } from '../../../models/checkout/pre-checkout.js';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import { recordStarsPayment } from '../../../models/checkout/record-stars-payment.js';
import type { Clock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { listPendingRefunds } from '../../../models/payments/list-pending-refunds.js';
import { refundOrderPayment, type StarsRefunder } from '../../../models/payments/refund-order.js';
import { decideReview } from '../../../models/review/decide-review.js';
import { rejectOverdueReviews } from '../../../models/review/reject-overdue.js';
import { channelAccess, orders, payments, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { type MadeOrder, makeOrder } from '../../factories/orders.js';

let database: Database;
let nowMs = Date.UTC(2031, 2, 3, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const rates = { starsPerRub: 0.77, starsPerUsd: 77 };
const okRefund: StarsRefunder = async () => ({ ok: true });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function orderRow(o: MadeOrder) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const slotRows = await tx.select().from(slots).where(eq(slots.channelId, o.channelId));
    const pays = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    const [lines] = (
      await tx.execute(
        sql`select count(*)::int as n from ledger_entries where workspace_id = ${o.workspaceId}`,
      )
    ).rows as { n: number }[];
    return { order: order!, slots: slotRows, payments: pays, ledgerLines: lines!.n };
  });
}

const escrowOf = (o: MadeOrder) =>
  database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, 'escrow', 'XTR'));

/** Seeds a held order and pays it (invoice, pre-checkout, successful_payment). */
async function paidOrder(
  settings = {},
  chargeId = `ch-${Math.random()}`,
  beforePaying?: (seeded: MadeOrder, advertiser: string) => Promise<void>,
) {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, {
    advertiser,
    at: clock.now(),
    channelOverrides: { settings: settings },
    items: 2,
  });
  await beforePaying?.(seeded, advertiser);
  const invoice = await prepareInvoice(
    database,
    { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
    clock,
  );
  if (!invoice.ok) throw new Error(invoice.code);
  const pre = await checkPreCheckout(
    database,
    {
      accountId: advertiser,
      payload: invoice.value.payload,
      currency: 'XTR',
      totalAmount: invoice.value.stars,
    },
    clock,
  );
  expect(pre.ok).toBe(true);
  const input = {
    accountId: advertiser,
    payload: invoice.value.payload,
    chargeId,
    amount: invoice.value.stars,
    currency: 'XTR',
  };
  const paid = await recordStarsPayment(database, input, clock);
  return { advertiser, seeded, invoice: invoice.value, paid, input };
}

describe('Stars checkout', () => {
  it('pays into escrow once per charge: in_review, slots booked; a second delivery changes nothing', async () => {
    const { seeded, invoice, paid, input } = await paidOrder();
    expect(invoice.stars).toBe(1540); // 2 × 1 000 ₽ × 0.77
    expect(paid.ok && paid.value.kind).toBe('paid');
    expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('in_review');
    const first = await orderRow(seeded);
    expect(first.order.status).toBe('in_review');
    // 24 h to review, but the first slot is a day ahead: the deadline is 15 minutes before it.
    expect(first.order.reviewDeadlineAt?.getTime()).toBe(nowMs + 24 * 3_600_000 - 15 * 60_000);
    expect(first.slots.every((s) => s.status === 'booked')).toBe(true);
    expect(first.payments).toHaveLength(1);
    expect(first.payments[0]).toMatchObject({
      status: 'succeeded',
      amount: 1540,
      providerPaymentId: input.chargeId,
    });
    expect(await escrowOf(seeded)).toBe(-1540);

    const again = await recordStarsPayment(database, input, clock);
    expect(again.ok && again.value.kind).toBe('duplicate');
    const second = await orderRow(seeded);
    expect(second.payments).toHaveLength(1);
    expect(second.ledgerLines).toBe(first.ledgerLines);
    expect(await escrowOf(seeded)).toBe(-1540);
  });

  it('owner rejects ⇒ refunded in full: escrow back to zero, slots free, order refunded', async () => {
    const { seeded } = await paidOrder();
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
    const refunded: [number, string][] = [];
    const refund: StarsRefunder = async (user, charge) => {
      refunded.push([user, charge]);
      return { ok: true };
    };
    const result = await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refund },
      clock,
    );
    expect(result.ok).toBe(true);
    expect(refunded).toHaveLength(1);
    const row = await orderRow(seeded);
    expect(row.order).toMatchObject({
      status: 'refunded',
      statusReason: 'Not our topic',
      refundedAmount: 200_000,
    });
    expect(row.payments[0]).toMatchObject({ status: 'refunded', refundedAmount: 1540 });
    expect(row.slots.every((s) => s.status === 'free' && s.orderId === null)).toBe(true);
    expect(await escrowOf(seeded)).toBe(0);
    // Refunding again finds nothing to refund and calls Telegram no more.
    const twice = await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refund },
      clock,
    );
    expect(twice.ok).toBe(false);
    expect(refunded).toHaveLength(1);
  });

  it('two managers deciding at once: exactly one wins', async () => {
    const { seeded } = await paidOrder();
    const decide = () =>
      decideReview(
        database,
        {
          accountId: seeded.ownerAccountId,
          orderId: seeded.orderId,
          decision: { kind: 'approve' },
        },
        clock,
      );
    const results = await Promise.all([decide(), decide()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'already_decided' });
    expect((await orderRow(seeded)).order.status).toBe('scheduled');
  });

  it('a failed Telegram refund stays owed and is retried until it goes through', async () => {
    const { seeded } = await paidOrder();
    await decideReview(
      database,
      {
        accountId: seeded.ownerAccountId,
        orderId: seeded.orderId,
        decision: { kind: 'reject', reason: 'No thanks' },
      },
      clock,
    );
    const failing: StarsRefunder = async () => ({
      ok: false,
      alreadyRefunded: false,
      error: 'Internal Server Error',
    });
    const input = { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test' };
    const first = await refundOrderPayment(database, { ...input, refund: failing }, clock);
    expect(first).toMatchObject({ ok: false, code: 'refund_failed' });
    expect((await orderRow(seeded)).order.status).toBe('rejected');
    expect(await escrowOf(seeded)).toBe(-1540);
    expect((await listPendingRefunds(database)).map((p) => p.orderId)).toContain(seeded.orderId);
    const alreadyDone: StarsRefunder = async () => ({
      ok: false,
      alreadyRefunded: true,
      error: 'CHARGE_ALREADY_REFUNDED',
    });
    expect((await refundOrderPayment(database, { ...input, refund: alreadyDone }, clock)).ok).toBe(
      true,
    );
    expect((await orderRow(seeded)).order.status).toBe('refunded');
    expect(await escrowOf(seeded)).toBe(0);
    expect((await listPendingRefunds(database)).map((p) => p.orderId)).not.toContain(
      seeded.orderId,
    );
  });

  it('auto-accept channel ⇒ scheduled at once', async () => {
    const { seeded, paid } = await paidOrder({ review: { mode: 'auto' } });
    expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('scheduled');
    expect((await orderRow(seeded)).order.status).toBe('scheduled');
  });

  it('a whitelisted advertiser skips review on a manual channel', async () => {
    const { seeded, paid } = await paidOrder({}, undefined, (order, advertiser) =>
      database.withSystem('test: whitelist', async (tx) => {
        await tx.insert(channelAccess).values({
          channelId: order.channelId,
          workspaceId: order.workspaceId,
          accountId: advertiser,
          status: 'allowed',
          requestedAt: clock.now(),
          decidedAt: clock.now(),
        });
      }),
    );
    expect(paid.ok && paid.value.kind === 'paid' && paid.value.status).toBe('scheduled');
    expect((await orderRow(seeded)).order.status).toBe('scheduled');
  });

  it('review deadline passes ⇒ auto-rejected with reason review_deadline, slots freed', async () => {
    const { seeded } = await paidOrder({ review: { mode: 'manual', deadlineHours: 2 } });
    expect(await rejectOverdueReviews(database, clock)).not.toContainEqual(
      expect.objectContaining({ orderId: seeded.orderId }),
    );
    nowMs += 2 * 3_600_000 + 1;
    const rejected = await rejectOverdueReviews(database, clock);
    expect(rejected.map((r) => r.orderId)).toContain(seeded.orderId);
    const row = await orderRow(seeded);
    expect(row.order).toMatchObject({ status: 'rejected', statusReason: 'review_deadline' });
    expect(row.slots.every((s) => s.status === 'free')).toBe(true);
    await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refund: okRefund },
      clock,
    );
    expect(await escrowOf(seeded)).toBe(0);
  });

  it('advertiser cancels in review ⇒ cancelled, then refunded', async () => {
    const { seeded, advertiser } = await paidOrder();
    const cancelled = await cancelOrder(
      database,
      { accountId: advertiser, orderId: seeded.orderId },
      clock,
    );
    expect(cancelled).toMatchObject({ ok: true, value: { paid: true } });
    await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refund: okRefund },
      clock,
    );
    const row = await orderRow(seeded);
    expect(row.order.status).toBe('refunded');
    expect(row.slots.every((s) => s.status === 'free')).toBe(true);
    expect(await escrowOf(seeded)).toBe(0);
    // Approval after cancel is refused.
    const late = await decideReview(
      database,
      { accountId: seeded.ownerAccountId, orderId: seeded.orderId, decision: { kind: 'approve' } },
      clock,
    );
    expect(late).toMatchObject({ ok: false, code: 'already_decided' });
  });
});

describe('pre-checkout', () => {
  it('an expired hold is refused and the order expires, slots free; a payment after that is refunded', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    const invoice = await prepareInvoice(
      database,
      { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
      clock,
    );
    if (!invoice.ok) throw new Error(invoice.code);
    nowMs += 16 * 60_000;
    const pre = await checkPreCheckout(
      database,
      {
        accountId: advertiser,
        payload: invoice.value.payload,
        currency: 'XTR',
        totalAmount: invoice.value.stars,
      },
      clock,
    );
    expect(pre).toMatchObject({ ok: false, code: 'hold_expired' });
    const row = await orderRow(seeded);
    expect(row.order.status).toBe('expired');
    expect(row.slots.every((s) => s.status === 'free' && s.orderId === null)).toBe(true);
    const late = await recordStarsPayment(
      database,
      {
        accountId: advertiser,
        payload: invoice.value.payload,
        chargeId: 'late-1',
        amount: invoice.value.stars,
        currency: 'XTR',
      },
      clock,
    );
    expect(late.ok && late.value.kind).toBe('orphan');
    await refundOrderPayment(
      database,
      { workspaceId: seeded.workspaceId, orderId: seeded.orderId, actor: 'test', refund: okRefund },
      clock,
    );
    expect(await escrowOf(seeded)).toBe(0);
    expect((await orderRow(seeded)).order.status).toBe('expired');
  });

  it('refuses a changed order, a wrong amount and a foreign payload', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    const invoice = await prepareInvoice(
      database,
      { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
      clock,
    );
    if (!invoice.ok) throw new Error(invoice.code);
    const base = {
      accountId: advertiser,
      payload: invoice.value.payload,
      currency: 'XTR',
      totalAmount: invoice.value.stars,
    };
    expect(await checkPreCheckout(database, { ...base, totalAmount: 1 }, clock)).toMatchObject({
      code: 'order_changed',
    });
    expect(
      await checkPreCheckout(
        database,
        { ...base, payload: `${base.payload.slice(0, -12)}000000000000` },
        clock,
      ),
    ).toMatchObject({ code: 'order_changed' });
    expect(await checkPreCheckout(database, { ...base, payload: 'hello' }, clock)).toMatchObject({
      code: 'unknown_order',
    });
    const stranger = (await makeAccount(database)).id;
    expect(await checkPreCheckout(database, { ...base, accountId: stranger }, clock)).toMatchObject(
      { code: 'unknown_order' },
    );
    await database.withSystem('test: change price', (tx) =>
      tx
        .update(orders)
        .set({ subtotal: 150_000, total: 150_000 })
        .where(eq(orders.id, seeded.orderId)),
    );
    expect(await checkPreCheckout(database, base, clock)).toMatchObject({ code: 'order_changed' });
  });

  it('an ok pre-checkout extends the hold so it cannot expire mid-payment', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    const invoice = await prepareInvoice(
      database,
      { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
      clock,
    );
    if (!invoice.ok) throw new Error(invoice.code);
    nowMs += 14 * 60_000;
    const pre = await checkPreCheckout(
      database,
      {
        accountId: advertiser,
        payload: invoice.value.payload,
        currency: 'XTR',
        totalAmount: invoice.value.stars,
      },
      clock,
    );
    expect(pre.ok).toBe(true);
    const row = await orderRow(seeded);
    expect(row.order.holdExpiresAt!.getTime()).toBe(nowMs + 5 * 60_000);
    expect(row.slots.every((s) => s.holdExpiresAt!.getTime() === nowMs + 5 * 60_000)).toBe(true);
  });

  it('refuses to invoice without marking where the channel requires it', async () => {
    const advertiser = (await makeAccount(database)).id;
    const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
    await database.withSystem('test: drop marking', (tx) =>
      tx.update(orders).set({ marking: null }).where(eq(orders.id, seeded.orderId)),
    );
    const invoice = await prepareInvoice(
      database,
      { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
      clock,
    );
    expect(invoice).toMatchObject({ ok: false, code: 'marking_required' });
    expect((await orderRow(seeded)).order.status).toBe('held');
  });
});
