import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOrder } from '../../../models/checkout/cancel-order.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { listPendingRefunds } from '../../../models/payments/list-pending-refunds.js';
import { reconcileProviderRefund } from '../../../models/payments/reconcile-refund.js';
import { refundOrderPayment, refundPaymentPart } from '../../../models/payments/refund-order.js';
import type {
  PaymentRefunder,
  ProviderRefundOutcome,
  RefundRequest,
} from '../../../models/providers/types.js';
import { orders, payments } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { paidByYooKassa } from './paid-orders.js';
import { payWithStars } from '../../helpers/pay-order.js';
import { settlePlacement } from '../../../models/settlement/settle-placement.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { type MadeOrder, makeOrder } from '../../factories/orders.js';
import { makeServedOrder } from '../../factories/placements.js';

let database: Database;
const nowMs = Date.UTC(2031, 5, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A provider refund function that remembers its calls and answers what it is told. */
function fakeRefunder(answers: ProviderRefundOutcome[] = []) {
  const calls: RefundRequest[] = [];
  const refunder: PaymentRefunder = async (request) => {
    calls.push(request);
    return answers.shift() ?? { ok: true, refundId: `re_${calls.length}`, status: 'succeeded' };
  };
  return { calls, refunder };
}

const balance = (o: MadeOrder, account: string, currency: 'RUB' | 'USD' | 'XTR') =>
  database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, account, currency));

/** Notifications of `key` queued for the order (rendered and sent by notifications.send). */
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

async function read(o: MadeOrder) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    return { order: order!, payment: payment! };
  });
}

/** A held RUB order paid with Stars. */
async function paidByStars() {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
  const { stars, paid } = await payWithStars(database, clock, {
    accountId: advertiser,
    orderId: seeded.orderId,
    chargeId: `charge-${seeded.orderId}`,
  });
  expect(paid.ok).toBe(true);
  return { advertiser, seeded, stars };
}

describe('refunds through every provider', () => {
  it('a cancelled YooKassa order is refunded in full through YooKassa: escrow back to 0, order refunded', async () => {
    const { advertiser, seeded, providerPaymentId } = await paidByYooKassa(database, clock);
    await cancelOrder(database, { accountId: advertiser, orderId: seeded.orderId }, clock);
    const yookassa = fakeRefunder();
    const stars = fakeRefunder();
    const done = await refundOrderPayment(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'system:test',
        refunders: { yookassa: yookassa.refunder, stars: stars.refunder },
      },
      clock,
    );
    expect(done).toMatchObject({
      ok: true,
      value: { amount: seeded.total, credited: 0, currency: 'RUB', provider: 'yookassa' },
    });
    expect(stars.calls).toHaveLength(0);
    expect(yookassa.calls).toEqual([
      expect.objectContaining({
        providerPaymentId,
        amount: seeded.total,
        currency: 'RUB',
        idempotencyKey: expect.stringMatching(/^refund:[0-9a-f-]{36}:1$/),
      }),
    ]);
    const s = await read(seeded);
    expect(s.order.status).toBe('refunded');
    expect(s.payment).toMatchObject({ status: 'refunded', refundedAmount: seeded.total });
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(0);
    expect(await balance(seeded, 'provider:yookassa', 'RUB')).toBe(0);
  });

  it('a provider failure is retried with the same key until it goes through; never doubled', async () => {
    const { advertiser, seeded } = await paidByYooKassa(database, clock);
    await cancelOrder(database, { accountId: advertiser, orderId: seeded.orderId }, clock);
    const yookassa = fakeRefunder([
      { ok: false, alreadyRefunded: false, retryable: true, error: 'HTTP 500' },
    ]);
    const input = {
      workspaceId: seeded.workspaceId,
      orderId: seeded.orderId,
      actor: 'system:test',
      refunders: { yookassa: yookassa.refunder },
    };
    expect(await refundOrderPayment(database, input, clock)).toMatchObject({
      ok: false,
      code: 'refund_failed',
    });
    const pending = await listPendingRefunds(database, 500);
    expect(pending.map((p) => p.orderId)).toContain(seeded.orderId);
    expect((await refundOrderPayment(database, input, clock)).ok).toBe(true);
    expect(await refundOrderPayment(database, input, clock)).toMatchObject({
      ok: false,
      code: 'nothing_to_refund',
    });
    expect(yookassa.calls).toHaveLength(2);
    expect(yookassa.calls[0]!.idempotencyKey).toBe(yookassa.calls[1]!.idempotencyKey);
    expect(await queued(seeded, 'receipt-refund-pending')).toBe(1);
    expect(await queued(seeded, 'receipt-refund')).toBe(1);
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(0);
    expect((await listPendingRefunds(database, 500)).map((p) => p.orderId)).not.toContain(
      seeded.orderId,
    );
  });

  it('with its provider not configured a refund fails (kept for the retry job) instead of being lost', async () => {
    const { advertiser, seeded } = await paidByYooKassa(database, clock);
    await cancelOrder(database, { accountId: advertiser, orderId: seeded.orderId }, clock);
    const result = await refundOrderPayment(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'system:test',
        refunders: {},
      },
      clock,
    );
    expect(result).toMatchObject({ ok: false, code: 'refund_failed' });
    expect((await read(seeded)).payment.status).toBe('succeeded');
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(-seeded.total);
  });

  it('a partial refund moves exactly that amount through the provider; the rest stays in escrow', async () => {
    const { seeded } = await paidByYooKassa(database, clock);
    const yookassa = fakeRefunder();
    const input = {
      workspaceId: seeded.workspaceId,
      orderId: seeded.orderId,
      actor: 'admin:1',
      reason: 'dispute',
      refunders: { yookassa: yookassa.refunder },
    };
    const part = await refundPaymentPart(database, { ...input, amount: 30_000 }, clock);
    expect(part).toEqual({ ok: true, value: { refunded: 30_000, credited: 0 } });
    expect(yookassa.calls.map((c) => c.amount)).toEqual([30_000]);
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(-(seeded.total - 30_000));
    expect((await read(seeded)).payment).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 30_000,
    });
    const tooMuch = await refundPaymentPart(database, { ...input, amount: seeded.total }, clock);
    expect(tooMuch).toMatchObject({ ok: false, code: 'amount_too_large' });
    const second = await refundPaymentPart(database, { ...input, amount: 10_000 }, clock);
    expect(second.ok).toBe(true);
    expect(yookassa.calls.map((c) => c.idempotencyKey.split(':')[2])).toEqual(['1', '2']);
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(-(seeded.total - 40_000));
  });

  it('part of a Stars payment is credited to the advertiser instead (Stars refund whole charges only)', async () => {
    const { advertiser, seeded, stars } = await paidByStars();
    const starsRefund = fakeRefunder();
    const part = await refundPaymentPart(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'admin:1',
        reason: 'dispute',
        amount: 100,
        refunders: { stars: starsRefund.refunder },
      },
      clock,
    );
    expect(part).toEqual({ ok: true, value: { refunded: 0, credited: 100 } });
    expect(starsRefund.calls).toHaveLength(0);
    expect(await balance(seeded, `advertiser:${advertiser}`, 'XTR')).toBe(-100);
    expect(await balance(seeded, 'escrow', 'XTR')).toBe(-(stars - 100));
    expect(await balance(seeded, 'provider:stars', 'XTR')).toBe(stars);
  });

  it('a whole Stars refund still goes back as the whole charge', async () => {
    const { advertiser, seeded, stars } = await paidByStars();
    await cancelOrder(database, { accountId: advertiser, orderId: seeded.orderId }, clock);
    const starsRefund = fakeRefunder();
    const done = await refundOrderPayment(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'system:test',
        refunders: { stars: starsRefund.refunder },
      },
      clock,
    );
    expect(done).toMatchObject({
      ok: true,
      value: { amount: stars, credited: 0, currency: 'XTR' },
    });
    expect(starsRefund.calls).toEqual([
      expect.objectContaining({ providerPaymentId: `charge-${seeded.orderId}`, amount: stars }),
    ]);
    expect(await balance(seeded, 'escrow', 'XTR')).toBe(0);
  });

  it('a refund webhook records only what is not recorded yet (ours first, then the webhook; dashboard refunds too)', async () => {
    const { seeded, providerPaymentId } = await paidByYooKassa(database, clock);
    const yookassa = fakeRefunder();
    await refundPaymentPart(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'admin:1',
        reason: 'dispute',
        amount: 50_000,
        refunders: { yookassa: yookassa.refunder },
      },
      clock,
    );
    const report = { provider: 'yookassa' as const, providerPaymentId, refundedTotal: 50_000 };
    const same = await reconcileProviderRefund(database, report, clock);
    expect(same).toMatchObject({ ok: true, value: { recorded: 0 } });
    const more = await reconcileProviderRefund(
      database,
      { ...report, refundedTotal: 80_000 },
      clock,
    );
    expect(more).toMatchObject({ ok: true, value: { recorded: 30_000 } });
    const again = await reconcileProviderRefund(
      database,
      { ...report, refundedTotal: 80_000 },
      clock,
    );
    expect(again).toMatchObject({ ok: true, value: { recorded: 0 } });
    expect(await balance(seeded, 'escrow', 'RUB')).toBe(-(seeded.total - 80_000));
    expect((await read(seeded)).payment.refundedAmount).toBe(80_000);
    expect(
      await reconcileProviderRefund(database, { ...report, providerPaymentId: 'nope' }, clock),
    ).toMatchObject({ ok: false, code: 'unknown_payment' });
  });

  it('after settlement a part comes back out of the owner’s and platform’s shares (a receivable may remain)', async () => {
    const base = new Date(nowMs - 10 * 86_400_000);
    const o = await makeServedOrder(database, {
      base,
      amount: 1_000,
      placements: [{ format: '1/24', publishedAfterHours: 0, status: 'completed' }],
    });
    const settled = await settlePlacement(database, o.placementIds[0]!, clock.now());
    expect(settled.ok && settled.value.kind).toBe('settled');
    const of = (account: string) =>
      database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, account, 'XTR'));
    expect(await of(`owner:${o.workspaceId}`)).toBe(-800);
    const input = {
      workspaceId: o.workspaceId,
      orderId: o.orderId,
      actor: 'admin:1',
      reason: 'dispute',
      refunders: { stars: fakeRefunder().refunder },
    };
    const part = await refundPaymentPart(database, { ...input, amount: 500 }, clock);
    expect(part).toEqual({ ok: true, value: { refunded: 0, credited: 500 } });
    expect(await of(`owner:${o.workspaceId}`)).toBe(-400);
    expect(await of('platform:fees')).toBe(-100);
    expect(await of(`advertiser:${o.advertiserAccountId}`)).toBe(-500);
    expect(await of('escrow')).toBe(0);
    expect(await refundPaymentPart(database, { ...input, amount: 501 }, clock)).toMatchObject({
      ok: false,
      code: 'amount_too_large',
    });
    expect((await refundPaymentPart(database, { ...input, amount: 500 }, clock)).ok).toBe(true);
    expect(await of(`owner:${o.workspaceId}`)).toBe(0);
    expect(await of('platform:fees')).toBe(0);
    expect(await refundPaymentPart(database, { ...input, amount: 1 }, clock)).toMatchObject({
      ok: false,
      code: 'nothing_to_refund',
    });
  });

  it('a part refunded before settlement is not split again: settlement shares only what is left in escrow', async () => {
    const o = await makeServedOrder(database, {
      base: new Date(nowMs - 10 * 86_400_000),
      amount: 1_000,
      placements: [{ format: '1/24', publishedAfterHours: 0, status: 'completed' }],
    });
    const part = await refundPaymentPart(
      database,
      {
        workspaceId: o.workspaceId,
        orderId: o.orderId,
        actor: 'admin:1',
        reason: 'dispute',
        amount: 300,
        refunders: { stars: fakeRefunder().refunder },
      },
      clock,
    );
    expect(part).toEqual({ ok: true, value: { refunded: 0, credited: 300 } });
    const settled = await settlePlacement(database, o.placementIds[0]!, clock.now());
    expect(settled.ok && settled.value.kind).toBe('settled');
    const of = (account: string) =>
      database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, account, 'XTR'));
    expect(await of('escrow')).toBe(0);
    expect(await of(`owner:${o.workspaceId}`)).toBe(-560);
    expect(await of('platform:fees')).toBe(-140);
    expect(await of(`advertiser:${o.advertiserAccountId}`)).toBe(-300);
  });

  it('a settled Stars payment refunded in full goes back as the whole charge, out of both shares', async () => {
    const o = await makeServedOrder(database, {
      base: new Date(nowMs - 10 * 86_400_000),
      amount: 1_000,
      placements: [{ format: '1/24', publishedAfterHours: 0, status: 'completed' }],
    });
    await settlePlacement(database, o.placementIds[0]!, clock.now());
    const stars = fakeRefunder();
    const done = await refundOrderPayment(
      database,
      {
        workspaceId: o.workspaceId,
        orderId: o.orderId,
        actor: 'admin:1',
        refunders: { stars: stars.refunder },
      },
      clock,
    );
    expect(done).toMatchObject({ ok: true, value: { amount: 1_000, credited: 0 } });
    expect(stars.calls.map((c) => c.amount)).toEqual([1_000]);
    const of = (account: string) =>
      database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, account, 'XTR'));
    expect(await of(`owner:${o.workspaceId}`)).toBe(0);
    expect(await of('platform:fees')).toBe(0);
    expect(await of('provider:stars')).toBe(0);
  });
});
