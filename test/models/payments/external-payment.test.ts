import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExternalPayment } from '../../../models/checkout/prepare-external-payment.js';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import type { Clock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { markOrderPaymentFailed } from '../../../models/payments/cancel-order-payment.js';
import { recordOrderPayment } from '../../../models/payments/record-order-payment.js';
import { orders, payments, slots } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { openExternalPayment } from '../../helpers/pay-order.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { type MadeOrder, makeOrder } from '../../factories/orders.js';

let database: Database;
let nowMs = Date.UTC(2031, 4, 5, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const rates = { starsPerRub: 0.77, starsPerUsd: 77 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function state(o: MadeOrder) {
  await deliverEvents(database);
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const slotRows = await tx.select().from(slots).where(eq(slots.orderId, o.orderId));
    const pays = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    const receipts = (
      await tx.execute(
        sql`select data from agenda_jobs where name = 'notifications.send' and data->>'key' like 'receipt-%' and data->'vars'->>'order' = ${o.orderId.slice(0, 8)}`,
      )
    ).rows as { data: { key: string; vars: Record<string, unknown> } }[];
    return { order: order!, slots: slotRows, payments: pays, receipts };
  });
}

const escrowOf = (o: MadeOrder, currency: 'RUB' | 'USD' | 'XTR') =>
  database.withScope({ workspaceId: o.workspaceId }, (tx) => balanceOf(tx, 'escrow', currency));

async function heldOrder(currency: 'RUB' | 'USD' = 'RUB') {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, { advertiser, at: clock.now(), items: 2 });
  if (currency !== 'RUB')
    await database.withSystem('test: order currency', (tx) =>
      tx.update(orders).set({ currency }).where(eq(orders.id, seeded.orderId)),
    );
  return { advertiser, seeded };
}

async function openPayment(provider: 'stripe' | 'yookassa', currency: 'RUB' | 'USD') {
  const { advertiser, seeded } = await heldOrder(currency);
  const opened = await openExternalPayment(database, clock, {
    accountId: advertiser,
    workspaceId: seeded.workspaceId,
    orderId: seeded.orderId,
    provider,
  });
  return { advertiser, seeded, ...opened };
}

describe('external payments (Stripe / YooKassa) of an order', () => {
  it('prepares one pending row under a stable key; a second prepare reuses it and its link', async () => {
    const { advertiser, seeded, prepared } = await openPayment('yookassa', 'RUB');
    expect(prepared.idempotencyKey).toMatch(
      new RegExp(`^order:${seeded.orderId}:[0-9a-f]{12}:yookassa$`),
    );
    expect(prepared.amount).toBe(seeded.total);
    const again = await prepareExternalPayment(
      database,
      {
        accountId: advertiser,
        orderId: seeded.orderId,
        provider: 'yookassa',
        readiness: orderReadiness,
      },
      clock,
    );
    expect(again.ok && again.value.idempotencyKey).toBe(prepared.idempotencyKey);
    expect(again.ok && again.value.confirmationUrl).toMatch(/^https:\/\/pay\.example\//);
    const s = await state(seeded);
    expect(s.order.status).toBe('awaiting_payment');
    expect(s.payments.filter((p) => p.status === 'pending')).toHaveLength(1);
  });

  it('refuses a provider that does not take the order currency', async () => {
    const { advertiser, seeded } = await heldOrder('RUB');
    const stripe = await prepareExternalPayment(
      database,
      {
        accountId: advertiser,
        orderId: seeded.orderId,
        provider: 'stripe',
        readiness: orderReadiness,
      },
      clock,
    );
    expect(stripe).toMatchObject({ ok: false, code: 'method_unavailable' });
    expect((await state(seeded)).order.status).toBe('held');
  });

  it('switching to Stars voids the pending card payment: one live pending payment per order', async () => {
    const { advertiser, seeded } = await openPayment('yookassa', 'RUB');
    const invoice = await prepareInvoice(
      database,
      { accountId: advertiser, orderId: seeded.orderId, rates, readiness: orderReadiness },
      clock,
    );
    expect(invoice.ok).toBe(true);
    const pays = (await state(seeded)).payments;
    expect(pays.find((p) => p.provider === 'yookassa')?.status).toBe('cancelled');
    expect(pays.filter((p) => p.status === 'pending').map((p) => p.provider)).toEqual(['stars']);
  });

  it('records a provider payment once: paid, escrow in the order currency, slots booked, receipt queued', async () => {
    const { seeded, providerPaymentId } = await openPayment('stripe', 'USD');
    const input = {
      provider: 'stripe' as const,
      providerPaymentId: 'pi_123',
      orderId: seeded.orderId,
      amount: seeded.total,
      currency: 'USD' as const,
      details: { sessionId: providerPaymentId },
    };
    const first = await recordOrderPayment(database, input, clock);
    expect(first).toMatchObject({ ok: true, value: { kind: 'paid', orderId: seeded.orderId } });
    const twice = await recordOrderPayment(database, input, clock);
    expect(twice).toMatchObject({ ok: true, value: { kind: 'duplicate' } });
    const s = await state(seeded);
    expect(['in_review', 'scheduled']).toContain(s.order.status);
    expect(s.slots.every((slot) => slot.status === 'booked')).toBe(true);
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'succeeded', providerPaymentId: 'pi_123' });
    expect(s.payments[0]!.details.sessionId).toBe(providerPaymentId);
    expect(await escrowOf(seeded, 'USD')).toBe(-seeded.total);
    expect(s.receipts).toHaveLength(1);
    expect(s.receipts[0]!.data).toMatchObject({
      key: 'receipt-payment',
      vars: { amount: seeded.total, fee: seeded.total * 0.2, currency: 'USD', method: 'stripe' },
    });
  });

  it('refuses an amount or currency that is not the order’s, recording nothing', async () => {
    const { seeded } = await openPayment('yookassa', 'RUB');
    const wrong = await recordOrderPayment(
      database,
      {
        provider: 'yookassa',
        providerPaymentId: 'yk-wrong',
        orderId: seeded.orderId,
        amount: seeded.total - 1,
        currency: 'RUB',
      },
      clock,
    );
    expect(wrong).toMatchObject({ ok: false, code: 'amount_mismatch' });
    const s = await state(seeded);
    expect(s.order.status).toBe('awaiting_payment');
    expect(await escrowOf(seeded, 'RUB')).toBe(0);
  });

  it('a cancelled payment puts the order back to held while the hold lives; a repeat changes nothing', async () => {
    const { seeded, providerPaymentId } = await openPayment('yookassa', 'RUB');
    const input = {
      provider: 'yookassa' as const,
      providerPaymentId,
      reason: 'permission_revoked',
    };
    const failed = await markOrderPaymentFailed(database, input, clock);
    expect(failed).toMatchObject({ ok: true, value: { kind: 'cancelled', orderStatus: 'held' } });
    const again = await markOrderPaymentFailed(database, input, clock);
    expect(again).toMatchObject({ ok: true, value: { kind: 'unchanged', orderStatus: 'held' } });
    const s = await state(seeded);
    expect(s.payments[0]!.status).toBe('cancelled');
    expect(s.slots.every((slot) => slot.status === 'held')).toBe(true);
  });

  it('a payment cancelled after the hold ran out expires the order and frees its slots', async () => {
    const { seeded, providerPaymentId } = await openPayment('stripe', 'USD');
    nowMs += 40 * 60_000;
    const failed = await markOrderPaymentFailed(
      database,
      { provider: 'stripe', providerPaymentId, reason: 'expired' },
      clock,
    );
    expect(failed).toMatchObject({
      ok: true,
      value: { kind: 'cancelled', orderStatus: 'expired' },
    });
    const s = await database.withSystem('test read', (tx) =>
      tx.select().from(slots).where(eq(slots.channelId, seeded.channelId)),
    );
    expect(s.every((slot) => slot.status === 'free' && slot.orderId === null)).toBe(true);
    expect(
      await markOrderPaymentFailed(
        database,
        { provider: 'stripe', providerPaymentId: 'cs_unknown', reason: 'expired' },
        clock,
      ),
    ).toMatchObject({ ok: false, code: 'unknown_payment' });
  });

  it('money arriving after the order expired is recorded as an orphan (credited, to be refunded)', async () => {
    const { seeded, providerPaymentId } = await openPayment('yookassa', 'RUB');
    nowMs += 40 * 60_000;
    await markOrderPaymentFailed(
      database,
      { provider: 'yookassa', providerPaymentId, reason: 'expired_on_confirmation' },
      clock,
    );
    const late = await recordOrderPayment(
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
    expect(late).toMatchObject({ ok: true, value: { kind: 'orphan' } });
    const s = await state(seeded);
    expect(s.order.status).toBe('expired');
    expect(s.payments[0]).toMatchObject({ status: 'succeeded' });
    expect(s.payments[0]!.details.orphan).toBe(true);
    expect(await escrowOf(seeded, 'RUB')).toBe(-seeded.total);
  });
});
