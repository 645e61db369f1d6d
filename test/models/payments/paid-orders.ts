import { expect } from 'vitest';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { recordOrderPayment } from '../../../models/payments/record-order-payment.js';
import { openExternalPayment } from '../../helpers/pay-order.js';
import { seedHeldOrder } from '../checkout/seed-order.js';
import { seedAdvertiser } from '../orders/seed-orders.js';

/** A held RUB order of a new advertiser, paid through YooKassa (as its webhook would record it). */
export async function paidByYooKassa(database: Database, clock: Clock) {
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
  return { advertiser, seeded, providerPaymentId };
}
