import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { reconcileProviderRefund } from '../../../models/payments/reconcile-refund.js';
import { refundPaymentPart } from '../../../models/payments/refund-order.js';
import type { PaymentRefunder } from '../../../models/providers/types.js';
import { payments } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { paidByYooKassa } from './paid-orders.js';

let database: Database;
const nowMs = Date.UTC(2031, 5, 6, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('a refund whose provider webhook is recorded before our own answer', () => {
  it('is still reported as done (once), so an admin is not told to refund again', async () => {
    const { seeded, providerPaymentId } = await paidByYooKassa(database, clock);
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
