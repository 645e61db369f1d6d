import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { listPendingRefunds } from '../../../models/payments/list-pending-refunds.js';
import { recordOrderPayment } from '../../../models/payments/record-order-payment.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import type { PaymentRefunder, RefundRequest } from '../../../models/providers/types.js';
import { orders, payments } from '../../../models/schema.js';
import { cancelOrderForAdmin } from '../../../models/payments/cancel-order-for-admin.js';
import { createTestDatabase } from '../../helpers/db.js';
import { openExternalPayment, payWithStars } from '../../helpers/pay-order.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder } from '../../factories/orders.js';

let database: Database;
let nowMs = Date.UTC(2031, 5, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function fakeRefunder() {
  const calls: RefundRequest[] = [];
  const refunder: PaymentRefunder = async (request) => {
    calls.push(request);
    return { ok: true, refundId: `re_${calls.length}`, status: 'succeeded' };
  };
  return { calls, refunder };
}

/** An order paid with Stars after a YooKassa payment was opened; that YooKassa payment then succeeds too. */
async function paidTwice() {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
  // The advertiser opens a YooKassa payment first…
  const { providerPaymentId: ykId } = await openExternalPayment(database, clock, {
    accountId: advertiser,
    workspaceId: seeded.workspaceId,
    orderId: seeded.orderId,
    provider: 'yookassa',
  });
  // …then switches to Stars and pays the invoice.
  nowMs += 60_000;
  const { paid: stars } = await payWithStars(database, clock, {
    accountId: advertiser,
    orderId: seeded.orderId,
    chargeId: `charge-${seeded.orderId}`,
  });
  expect(stars.ok && stars.value.kind).toBe('paid');
  // The still-open YooKassa payment is completed too: an orphan, refunded at once.
  nowMs += 60_000;
  const late = await recordOrderPayment(
    database,
    {
      provider: 'yookassa',
      providerPaymentId: ykId,
      orderId: seeded.orderId,
      amount: seeded.total,
      currency: 'RUB',
    },
    clock,
  );
  expect(late.ok && late.value.kind).toBe('orphan');
  return { seeded, ykId };
}

describe('an orphan payment (the order was already paid another way)', () => {
  it('is the payment that goes back; the payment that paid the order keeps holding it', async () => {
    const { seeded, ykId } = await paidTwice();
    const yookassa = fakeRefunder();
    const starsRefunder = fakeRefunder();
    const refunded = await refundOrderPayment(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'provider:yookassa',
        refunders: { yookassa: yookassa.refunder, stars: starsRefunder.refunder },
      },
      clock,
    );
    expect(refunded).toMatchObject({ ok: true, value: { provider: 'yookassa', currency: 'RUB' } });
    expect(starsRefunder.calls).toHaveLength(0);
    expect(yookassa.calls.map((c) => c.providerPaymentId)).toEqual([ykId]);
    const rows = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.orderId, seeded.orderId)),
    );
    const byProvider = Object.fromEntries(rows.map((r) => [r.provider, r.status]));
    expect(byProvider).toEqual({ stars: 'succeeded', yookassa: 'refunded' });
  });

  it('whose immediate refund failed is still owed: the refund retry job finds it', async () => {
    const { seeded } = await paidTwice();
    const failed = await refundOrderPayment(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'provider:yookassa',
        refunders: {
          yookassa: async () => ({
            ok: false,
            alreadyRefunded: false,
            retryable: true,
            error: 'x',
          }),
        },
      },
      clock,
    );
    expect(failed).toMatchObject({ ok: false, code: 'refund_failed' });
    const owed = await listPendingRefunds(database, 5000);
    expect(owed.map((o) => o.orderId)).toContain(seeded.orderId);
  });

  it('of an order then cancelled: both payments go back before the order counts as refunded', async () => {
    const { seeded } = await paidTwice();
    await database.withSystem('test: an admin cancels the order', (tx) =>
      cancelOrderForAdmin(tx, {
        orderId: seeded.orderId,
        actor: 'admin:1',
        reason: 'admin_refund',
        at: clock.now(),
      }),
    );
    const refunders = { yookassa: fakeRefunder().refunder, stars: fakeRefunder().refunder };
    for (let run = 0; run < 3; run++) {
      const owed = (await listPendingRefunds(database, 5000)).filter(
        (o) => o.orderId === seeded.orderId,
      );
      // One refund per run (a batch limit reached, or a crash right after it).
      const [o] = owed;
      if (o) await refundOrderPayment(database, { ...o, actor: 'system:retry', refunders }, clock);
    }
    const rows = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.orderId, seeded.orderId)),
    );
    expect(Object.fromEntries(rows.map((r) => [r.provider, r.status]))).toEqual({
      stars: 'refunded',
      yookassa: 'refunded',
    });
    const [order] = await database.withSystem('test read', (tx) =>
      tx.select().from(orders).where(eq(orders.id, seeded.orderId)),
    );
    expect(order?.status).toBe('refunded');
  });
});
