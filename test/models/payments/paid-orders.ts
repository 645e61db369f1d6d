import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import { prepareExternalPayment } from '../../../models/checkout/prepare-external-payment.js';
import type { Clock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { recordOrderPayment } from '../../../models/payments/record-order-payment.js';
import type { ExternalProvider } from '../../../models/providers/types.js';
import { orders } from '../../../models/schema.js';
import { openExternalPayment } from '../../helpers/pay-order.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder } from '../../factories/orders.js';

/** A held RUB order of a new advertiser, paid through YooKassa (as its webhook would record it). */
export async function paidByYooKassa(database: Database, clock: Clock) {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
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

/**
 * A new advertiser's held order readied for `provider` (a Stripe order is in USD) by
 * prepareExternalPayment, as checkout does right before calling the gateway.
 */
export async function preparedForProvider(
  database: Database,
  clock: Clock,
  provider: ExternalProvider,
  seed: { slotCount?: number; settings?: Partial<ChannelSettings> } = {},
) {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, {
    advertiser,
    at: clock.now(),
    items: seed.slotCount ?? 2,
    channelOverrides: { settings: seed.settings ?? {} },
  });
  if (provider === 'stripe')
    await database.withSystem('test seed: a USD order', (tx) =>
      tx.update(orders).set({ currency: 'USD' }).where(eq(orders.id, seeded.orderId)),
    );
  const prepared = await prepareExternalPayment(
    database,
    { accountId: advertiser, orderId: seeded.orderId, provider, readiness: orderReadiness },
    clock,
  );
  if (!prepared.ok) throw new Error(prepared.code);
  return { advertiser, seeded, prepared: prepared.value };
}
