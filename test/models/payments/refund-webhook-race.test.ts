import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { reconcileProviderRefund } from '../../../models/payments/reconcile-refund.js';
import { recordOrderPayment } from '../../../models/payments/record-order-payment.js';
import { refundPaymentPart } from '../../../models/payments/refund-order.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { payments } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { openExternalPayment } from '../../helpers/pay-order.js';
import { seedHeldOrder } from '../checkout/seed-order.js';
import { seedAdvertiser } from '../orders/seed-orders.js';

let database: Database;
const nowMs = Date.UTC(2031, 5, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A held RUB order paid through YooKassa (as its webhook would record it). */
async function paidByYooKassa() {
  const advertiser = await seedAdvertiser(database);
  const seeded = await seedHeldOrder(database, advertiser, { now: clock.now() });
  const { providerPaymentId } = await openExternalPayment(database, clock, {
    accountId: advertiser,
    workspaceId: seeded.workspaceId,
    orderId: seeded.orderId,
    provider: 'yookassa',
  });
  const paid = await recordOrderPayment(
    database,
    {
      provider: 'yookassa',
      providerPaymentId,
      orderId: seeded.orderId,
      amount: seeded.total,
      currency: 'RUB',
    },
    clock,
  );
  expect(paid.ok && paid.value.kind).toBe('paid');
  return { seeded, providerPaymentId };
}

describe('a refund whose provider webhook is recorded before our own answer', () => {
  it('is still reported as done (once), so an admin is not told to refund again', async () => {
    const { seeded, providerPaymentId } = await paidByYooKassa();
    let calls = 0;
    // The provider refunds, and its refund.succeeded notification is handled before the call returns.
    const refunder: PaymentRefunder = async (request) => {
      calls += 1;
      const reconciled = await reconcileProviderRefund(
        database,
        { provider: 'yookassa', providerPaymentId, refundedTotal: request.amount },
        clock,
      );
      expect(reconciled.ok && reconciled.value.recorded).toBe(request.amount);
      return { ok: true, refundId: 'rf_1', status: 'succeeded' };
    };
    const part = await refundPaymentPart(
      database,
      {
        workspaceId: seeded.workspaceId,
        orderId: seeded.orderId,
        actor: 'admin:1',
        reason: 'dispute',
        refunders: { yookassa: refunder },
        amount: 300,
      },
      clock,
    );
    expect(part).toEqual({ ok: true, value: { refunded: 300, credited: 0 } });
    expect(calls).toBe(1);
    const [row] = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId)),
    );
    expect(row?.refundedAmount).toBe(300);
  });
});
