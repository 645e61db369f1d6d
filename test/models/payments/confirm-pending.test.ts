import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachProviderPayment } from '../../../models/checkout/prepare-external-payment.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { expireHolds } from '../../../models/orders/expire-holds.js';
import {
  confirmPendingPayments,
  type PaymentStatusSources,
} from '../../../models/payments/confirm-pending-payments.js';
import type { CheckoutState } from '../../../models/providers/stripe.js';
import type { YooKassaPayment } from '../../../models/providers/yookassa.js';
import { orders, payments, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { preparedForProvider } from './paid-orders.js';
import { type MadeOrder } from '../../factories/orders.js';

let database: Database;
let nowMs = Date.UTC(2031, 6, 7, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const minutes = (n: number) => (nowMs += n * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Provider answers by id, and the ids asked about (a stand-in for the gateways in K1). */
function fakeSources() {
  const stripe = new Map<string, CheckoutState>();
  const yookassa = new Map<string, YooKassaPayment['status']>();
  const asked: string[] = [];
  const sources: PaymentStatusSources = {
    stripe: {
      retrieveCheckout: async (id) => {
        asked.push(id);
        return stripe.get(id) ?? { status: 'open', paymentStatus: 'unpaid' };
      },
    },
    yookassa: {
      getPayment: async (id) => {
        asked.push(id);
        const status = yookassa.get(id) ?? 'pending';
        return {
          id,
          status,
          paid: status === 'succeeded',
          amount: 200_000,
          currency: 'RUB',
          refundedAmount: 0,
          metadata: {},
          confirmationUrl: undefined,
          cancellationReason: status === 'canceled' ? 'expired_on_confirmation' : undefined,
        };
      },
    },
  };
  return { stripe, yookassa, asked, sources };
}

async function waiting(provider: 'stripe' | 'yookassa') {
  const { advertiser, seeded, prepared } = await preparedForProvider(database, clock, provider);
  const id = provider === 'stripe' ? `cs_${seeded.orderId}` : `yk_${seeded.orderId}`;
  await attachProviderPayment(
    database,
    {
      accountId: advertiser,
      workspaceId: seeded.workspaceId,
      paymentId: prepared.paymentId,
      providerPaymentId: id,
      confirmationUrl: 'https://pay.example',
    },
    clock,
  );
  return { seeded, id };
}

async function read(o: MadeOrder) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const pays = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    const slotRows = await tx.select().from(slots).where(eq(slots.channelId, o.channelId));
    return { order: order!, payments: pays, slots: slotRows };
  });
}

describe('a hold never expires while its payment is being confirmed', () => {
  it('keeps the order past 15 min while the provider says pending; records it once it says paid', async () => {
    const world = fakeSources();
    const { seeded, id } = await waiting('yookassa');
    minutes(30);
    const expired = await expireHolds(database, clock.now());
    expect(expired.map((e) => e.orderId)).not.toContain(seeded.orderId);
    const first = await confirmPendingPayments(database, world.sources, clock);
    expect(first).toContainEqual({ kind: 'open', orderId: seeded.orderId });
    expect((await read(seeded)).order.status).toBe('awaiting_payment');
    expect((await read(seeded)).slots.every((s) => s.status === 'held')).toBe(true);
    // Re-checked only every few minutes.
    minutes(1);
    await confirmPendingPayments(database, world.sources, clock);
    expect(world.asked.filter((x) => x === id)).toHaveLength(1);
    world.yookassa.set(id, 'succeeded');
    minutes(3);
    const paid = await confirmPendingPayments(database, world.sources, clock);
    expect(paid).toContainEqual({
      kind: 'paid',
      outcome: expect.objectContaining({ kind: 'paid', orderId: seeded.orderId }),
    });
    const after = await read(seeded);
    expect(['in_review', 'scheduled']).toContain(after.order.status);
    expect(after.payments[0]!.status).toBe('succeeded');
  });

  it('a Stripe session found expired ends the wait: order expired, slots freed', async () => {
    const world = fakeSources();
    const { seeded, id } = await waiting('stripe');
    minutes(20);
    world.stripe.set(id, { status: 'expired', paymentStatus: 'unpaid' });
    const out = await confirmPendingPayments(database, world.sources, clock);
    expect(out).toContainEqual({ kind: 'failed', orderId: seeded.orderId, orderStatus: 'expired' });
    const after = await read(seeded);
    expect(after.order.status).toBe('expired');
    expect(after.payments[0]!.status).toBe('cancelled');
    expect(after.slots.every((s) => s.status === 'free')).toBe(true);
  });

  it('a Stripe session found paid is recorded under its payment intent', async () => {
    const world = fakeSources();
    const { seeded, id } = await waiting('stripe');
    minutes(20);
    world.stripe.set(id, { status: 'complete', paymentStatus: 'paid', paymentIntentId: 'pi_777' });
    await confirmPendingPayments(database, world.sources, clock);
    const after = await read(seeded);
    expect(after.payments[0]).toMatchObject({ status: 'succeeded', providerPaymentId: 'pi_777' });
  });

  it('waits at most 24 h, then gives up: the order expires', async () => {
    const world = fakeSources();
    const { seeded } = await waiting('yookassa');
    minutes(60);
    await confirmPendingPayments(database, world.sources, clock);
    expect((await read(seeded)).order.status).toBe('awaiting_payment');
    minutes(24 * 60);
    const out = await confirmPendingPayments(database, world.sources, clock);
    expect(out).toContainEqual({ kind: 'failed', orderId: seeded.orderId, orderStatus: 'expired' });
    expect((await read(seeded)).payments[0]!.details.cancelReason).toBe('confirmation_timeout');
  });
});
