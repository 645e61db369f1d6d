import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../http/app.js';
import { createMetrics } from '../../../http/metrics.js';
import { startHttpServer, type HttpServer } from '../../../http/server.js';
import { yooKassaWebhookRoutes } from '../../../http/webhooks/yookassa.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { createLogger } from '../../../models/logger.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import {
  attachProviderPayment,
  prepareExternalPayment,
} from '../../../models/checkout/prepare-external-payment.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import { createYooKassaGateway, type YooKassaGateway } from '../../../models/providers/yookassa.js';
import { orders, payments, webhookEvents, workspaces } from '../../../models/schema.js';
import { startYooKassaFake, type YooKassaFake } from '../../../sandbox/fakes/yookassa.js';
import { readAdvertiserBalance } from '../../../models/payments/advertiser-balance.js';
import { checkPendingRefunds } from '../../../models/payments/check-pending-refunds.js';
import { refundPaymentPart } from '../../../models/payments/refund-order.js';
import { createTestDatabase } from '../../helpers/db.js';
import { orderRouteEvents } from '../../helpers/outbox.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';
import { deliverEvents } from '../../helpers/outbox.js';

const allowed = '127.0.0.2';
const foreign = '127.0.0.1';
const proxy = '127.0.0.3';
let database: Database;
let fake: YooKassaFake;
let gateway: YooKassaGateway;
let server: HttpServer;
const clock: Clock = { now: () => new Date(), offsetMs: () => 0 };

beforeAll(async () => {
  [database, fake] = await Promise.all([createTestDatabase(), startYooKassaFake()]);
  gateway = createYooKassaGateway({
    shopId: fake.shopId,
    secretKey: fake.secretKey,
    apiRoot: fake.apiRoot,
    backoffMs: 5,
  });
  const app = createHttpApp({
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    readiness: {},
    routers: [
      yooKassaWebhookRoutes({
        database,
        clock,
        logger: createLogger({ level: 'silent' }),
        gateway,
        allowedAddresses: [`${allowed}/32`],
        trustedProxy: proxy,
      }),
    ],
  });
  server = await startHttpServer(app, '127.0.0.1', 0);
  fake.webhookUrl = `${server.url}/webhooks/yookassa`;
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
  await database?.close();
});

/** A held RUB order whose YooKassa payment was created the way checkout does it (prepare, create, attach). */
async function orderAwaitingYooKassa(
  options: { failFirstCreate?: boolean } = {},
): Promise<MadeOrder & { paymentId: string; rowId: string; advertiser: string }> {
  const advertiser = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, { advertiser, at: clock.now() });
  const prepared = await prepareExternalPayment(
    database,
    {
      accountId: advertiser,
      orderId: seeded.orderId,
      provider: 'yookassa',
      readiness: orderReadiness,
    },
    clock,
  );
  if (!prepared.ok) throw new Error(prepared.code);
  if (options.failFirstCreate) fake.failNextCreateWith500();
  const created = await gateway.createPayment({
    idempotenceKey: prepared.value.idempotencyKey,
    amount: prepared.value.amount,
    currency: 'RUB',
    description: 'Ad order',
    returnUrl: 'https://t.me/lytslot_bot',
    metadata: { orderId: seeded.orderId },
  });
  const attached = await attachProviderPayment(
    database,
    {
      accountId: advertiser,
      workspaceId: seeded.workspaceId,
      paymentId: prepared.value.paymentId,
      providerPaymentId: created.paymentId,
      confirmationUrl: created.confirmationUrl,
    },
    clock,
  );
  if (!attached.ok) throw new Error(attached.code);
  return { ...seeded, paymentId: created.paymentId, rowId: prepared.value.paymentId, advertiser };
}

async function state(o: { orderId: string; workspaceId: string; paymentId: string }) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.providerPaymentId, o.paymentId));
    const events = await tx
      .select()
      .from(webhookEvents)
      .where(sql`${webhookEvents.eventId} like ${`%:${o.paymentId}`}`);
    const [lines] = (
      await tx.execute(
        sql`select count(distinct posting_id)::int as n from ledger_entries where workspace_id = ${o.workspaceId}`,
      )
    ).rows as { n: number }[];
    const escrow = await balanceOf(tx, 'escrow', 'RUB');
    return { order: order!, payment: payment!, events, postings: lines!.n, escrow };
  });
}

describe('POST /webhooks/yookassa', () => {
  it('a request from a foreign address ⇒ 403 and nothing changes', async () => {
    const o = await orderAwaitingYooKassa();
    const succeeded = fake.succeed(o.paymentId);
    const before = await state(o);
    expect(await fake.notify('payment.succeeded', succeeded, foreign)).toBe(403);
    // Through an untrusted peer, X-Forwarded-For is not believed.
    expect(
      await fake.notify('payment.succeeded', succeeded, '127.0.0.4', { forwardedFor: allowed }),
    ).toBe(403);
    const after = await state(o);
    expect(after).toEqual(before);
    expect(after.order.status).toBe('awaiting_payment');
    expect(after.payment.status).toBe('pending');
    expect(after.events).toHaveLength(0);
  });

  it('a create that answers 500 is retried with the same key ⇒ one payment, at YooKassa and here', async () => {
    const paymentsBefore = fake.payments().length;
    const requestsBefore = fake.requestCount('/payments');
    const o = await orderAwaitingYooKassa({ failFirstCreate: true });
    expect(fake.requestCount('/payments')).toBe(requestsBefore + 2);
    expect(fake.payments().length).toBe(paymentsBefore + 1);
    const rows = await database.withSystem('test read', (tx) =>
      tx.select().from(payments).where(eq(payments.orderId, o.orderId)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      provider: 'yookassa',
      providerPaymentId: o.paymentId,
      status: 'pending',
      amount: o.total,
      currency: 'RUB',
    });
    expect(fake.payment(o.paymentId).metadata).toEqual({ orderId: o.orderId });
    // Paying it credits once.
    expect(await fake.notify('payment.succeeded', fake.succeed(o.paymentId), allowed)).toBe(200);
    expect((await state(o)).postings).toBe(1);
  });

  it('from an allowed address but the re-fetch says pending ⇒ no credit', async () => {
    const o = await orderAwaitingYooKassa();
    const forged = { ...fake.payment(o.paymentId), status: 'succeeded', paid: true };
    expect(await fake.notify('payment.succeeded', forged, allowed)).toBe(409);
    const after = await state(o);
    expect(after.order.status).toBe('awaiting_payment');
    expect(after.payment.status).toBe('pending');
    expect(after.postings).toBe(0);
    expect(after.events).toHaveLength(0);
  });

  it('payment.succeeded delivered 5 times at once ⇒ one credit, order paid', async () => {
    const o = await orderAwaitingYooKassa();
    const escrowBefore = (await state(o)).escrow;
    const object = fake.succeed(o.paymentId);
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => fake.notify('payment.succeeded', object, allowed)),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const after = await state(o);
    expect(after.payment.status).toBe('succeeded');
    expect(['scheduled', 'in_review']).toContain(after.order.status);
    expect(after.postings).toBe(1);
    expect(after.escrow).toBe(escrowBefore - o.total);
    expect(after.events.map((e) => e.eventId)).toEqual([`payment.succeeded:${o.paymentId}`]);
    // One routing event: the payer and the owners hear once however often YooKassa delivers.
    expect(await orderRouteEvents(database, o.orderId)).toHaveLength(1);
    // A later re-delivery is a duplicate too.
    expect(await fake.notify('payment.succeeded', object, allowed)).toBe(200);
    expect((await state(o)).postings).toBe(1);
  });

  it('through the trusted proxy, X-Forwarded-For names the sender', async () => {
    const o = await orderAwaitingYooKassa();
    const object = fake.succeed(o.paymentId);
    const forgedLeft = `${allowed}, 203.0.113.7`;
    expect(
      await fake.notify('payment.succeeded', object, proxy, { forwardedFor: forgedLeft }),
    ).toBe(403);
    expect((await state(o)).payment.status).toBe('pending');
    expect(await fake.notify('payment.succeeded', object, proxy, { forwardedFor: allowed })).toBe(
      200,
    );
    expect((await state(o)).payment.status).toBe('succeeded');
  });

  it('payment.canceled ⇒ the payment is cancelled and the order back to held, once', async () => {
    const o = await orderAwaitingYooKassa();
    const object = fake.cancel(o.paymentId, 'expired_on_confirmation');
    // A claim the API's final answer contradicts: acknowledged (it never becomes true), no credit.
    const forged = { ...object, status: 'succeeded', paid: true };
    expect(await fake.notify('payment.succeeded', forged, allowed)).toBe(200);
    const untouched = await state(o);
    expect(untouched.payment.status).toBe('pending');
    expect(untouched.postings).toBe(0);
    expect(await fake.notify('payment.canceled', object, allowed)).toBe(200);
    expect(await fake.notify('payment.canceled', object, allowed)).toBe(200);
    const after = await state(o);
    expect(after.payment.status).toBe('cancelled');
    expect(after.order.status).toBe('held');
    expect(after.events).toHaveLength(1);
  });

  it('refund.succeeded reconciles the refund once', async () => {
    const o = await orderAwaitingYooKassa();
    expect(await fake.notify('payment.succeeded', fake.succeed(o.paymentId), allowed)).toBe(200);
    const paid = await state(o);
    // A refund made outside the bot (the merchant cabinet), reported by notification.
    const refund = await gateway.refund({
      paymentId: paid.payment.id,
      providerPaymentId: o.paymentId,
      amount: 40_000,
      currency: 'RUB',
      idempotencyKey: 'cabinet-refund-1',
      payerTelegramId: 1,
    });
    if (!refund.ok) throw new Error(refund.error);
    const object = fake.refund(refund.refundId);
    const statuses = await Promise.all([
      fake.notify('refund.succeeded', object, allowed),
      fake.notify('refund.succeeded', object, allowed),
    ]);
    expect(statuses).toEqual([200, 200]);
    expect(await fake.notify('refund.succeeded', object, allowed)).toBe(200);
    const after = await state(o);
    expect(after.payment.refundedAmount).toBe(40_000);
    expect(after.payment.status).toBe('partially_refunded');
    expect(after.postings).toBe(paid.postings + 1);
    expect(after.escrow).toBe(paid.escrow + 40_000);
  });

  it('a payment for an order that expired meanwhile is recorded and refunded at once', async () => {
    const o = await orderAwaitingYooKassa();
    await database.withScope({ workspaceId: o.workspaceId }, async (tx) => {
      const moved = await transitionOrder(tx, {
        orderId: o.orderId,
        from: ['awaiting_payment'],
        to: 'expired',
        actor: 'system:test',
        at: clock.now(),
      });
      if (!moved.ok) throw new Error(moved.code);
    });
    const escrowBefore = (await state(o)).escrow;
    expect(await fake.notify('payment.succeeded', fake.succeed(o.paymentId), allowed)).toBe(200);
    const after = await state(o);
    expect(after.order.status).toBe('expired');
    expect(after.payment.status).toBe('refunded');
    expect(after.escrow).toBe(escrowBefore);
    const refunds = fake.refunds().filter((r) => r.payment_id === o.paymentId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toEqual({ value: '1000.00', currency: 'RUB' });
    // YooKassa then reports that refund: nothing more is recorded.
    expect(await fake.notify('refund.succeeded', refunds[0]!, allowed)).toBe(200);
    const final = await state(o);
    expect(final.payment.refundedAmount).toBe(o.total);
    expect(final.postings).toBe(after.postings);
  });

  it('a partial refund we make goes through YooKassa once; its notification records nothing more', async () => {
    const o = await orderAwaitingYooKassa();
    expect(await fake.notify('payment.succeeded', fake.succeed(o.paymentId), allowed)).toBe(200);
    const paid = await state(o);
    const part = await refundPaymentPart(
      database,
      {
        workspaceId: o.workspaceId,
        orderId: o.orderId,
        amount: 25_050,
        actor: 'admin:1',
        reason: 'dispute',
        refunders: { yookassa: gateway.refund },
      },
      clock,
    );
    expect(part).toEqual({ ok: true, value: { refunded: 25_050, credited: 0 } });
    const refunds = fake.refunds().filter((r) => r.payment_id === o.paymentId);
    expect(refunds.map((r) => r.amount)).toEqual([{ value: '250.50', currency: 'RUB' }]);
    expect(await fake.notify('refund.succeeded', refunds[0]!, allowed)).toBe(200);
    const after = await state(o);
    expect(after.payment.refundedAmount).toBe(25_050);
    expect(after.postings).toBe(paid.postings + 1);
    expect(after.escrow).toBe(paid.escrow + 25_050);
  });

  it('pending refunds are asked about until they end: canceled ⇒ the payer credit, succeeded ⇒ nothing more', async () => {
    const o = await orderAwaitingYooKassa();
    expect(await fake.notify('payment.succeeded', fake.succeed(o.paymentId), allowed)).toBe(200);
    const refundPart = (amount: number) =>
      refundPaymentPart(
        database,
        {
          workspaceId: o.workspaceId,
          orderId: o.orderId,
          amount,
          actor: 'admin:1',
          reason: 'dispute',
          refunders: { yookassa: gateway.refund },
        },
        clock,
      );
    fake.refundStatus = 'pending';
    try {
      expect((await refundPart(30_000)).ok).toBe(true);
      expect((await refundPart(20_000)).ok).toBe(true);
    } finally {
      fake.refundStatus = 'succeeded';
    }
    const [first, second] = fake.refunds().filter((r) => r.payment_id === o.paymentId);
    const booked = await state(o);
    expect(booked.payment.refundedAmount).toBe(50_000);
    expect(await checkPendingRefunds(database, gateway, clock)).toMatchObject({
      pending: 2,
      credited: 0,
    });

    fake.settleRefund(first!.id as string, 'canceled', 'rejected_by_payee');
    fake.settleRefund(second!.id as string, 'succeeded');
    // YooKassa tells of the one that succeeded; its payment now shows 200 ₽ refunded, not 500.
    expect(await fake.notify('refund.succeeded', fake.refund(second!.id as string), allowed)).toBe(
      200,
    );
    expect(await checkPendingRefunds(database, gateway, clock)).toMatchObject({
      succeeded: 1,
      credited: 1,
      pending: 0,
    });
    expect(await checkPendingRefunds(database, gateway, clock)).toMatchObject({
      succeeded: 0,
      credited: 0,
    });

    const after = await state(o);
    expect(after.payment.refundedAmount).toBe(50_000);
    expect(after.payment.details).toMatchObject({
      pendingRefunds: [],
      failedRefundIds: [first!.id],
      failedRefundTotal: 30_000,
    });
    expect(after.escrow).toBe(booked.escrow);
    expect(after.postings).toBe(booked.postings + 1);
    const balance = await readAdvertiserBalance(database, o.advertiser);
    expect(balance.credits).toEqual([{ currency: 'RUB', available: 30_000 }]);
    await deliverEvents(database);
    const told = await database.withSystem('test read', (tx) =>
      tx.execute<{ reason: string }>(
        sql`select data->'vars'->>'reason' as reason from agenda_jobs
            where data->>'key' = 'receipt-refund-failed' and data->>'accountId' = ${o.advertiser}`,
      ),
    );
    const debug = await database.withSystem('test read', (tx) =>
      tx.execute(
        sql`select id, name, data, next_run_at from agenda_jobs where data->>'accountId' = ${o.advertiser}`,
      ),
    );
    const events = await database.withSystem('test read', (tx) =>
      tx.execute(
        sql`select id, tx_id::text, type, payload from domain_events where type like 'payment.refund%'`,
      ),
    );
    expect(told.rows, JSON.stringify({ jobs: debug.rows, events: events.rows })).toEqual([
      { reason: 'rejected_by_payee' },
    ]);
  });

  it('a Pro payment (metadata purpose=subscription) extends the subscription once', async () => {
    const { workspaceId } = await makeOrder(database, { at: clock.now(), items: 2 });
    const created = await gateway.createPayment({
      idempotenceKey: `sub:${workspaceId}:1`,
      amount: 1_000_000,
      currency: 'RUB',
      description: 'Pro',
      returnUrl: 'https://t.me/lytslot_bot',
      metadata: { purpose: 'subscription', workspaceId },
    });
    const object = fake.succeed(created.paymentId);
    expect(await fake.notify('payment.succeeded', object, allowed)).toBe(200);
    expect(await fake.notify('payment.succeeded', object, allowed)).toBe(200);
    const { workspace, rows } = await database.withSystem('test read', async (tx) => ({
      workspace: (await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)))[0]!,
      rows: await tx
        .select()
        .from(payments)
        .where(eq(payments.providerPaymentId, created.paymentId)),
    }));
    expect(workspace.plan).toBe('pro');
    expect(workspace.planExpiresAt!.getTime()).toBeGreaterThan(
      clock.now().getTime() + 29 * 86_400_000,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      purpose: 'subscription',
      status: 'succeeded',
      amount: 1_000_000,
    });
  });

  it('bad bodies ⇒ 400; events we do not act on ⇒ 200; unknown payments ⇒ 200, nothing recorded', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/webhooks/yookassa`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    // fetch() goes out from 127.0.0.1: refused before the body is read.
    expect((await post('{')).status).toBe(403);
    const url = fake.webhookUrl!;
    expect(await fake.notify('payment.succeeded', {}, allowed, { url })).toBe(400);
    expect(await fake.notify('payment.waiting_for_capture', { id: 'x' }, allowed)).toBe(200);
    expect(await fake.notify('constructor', { id: 'x' }, allowed)).toBe(200);
    expect(await fake.notify('payment.succeeded', { id: 'no-such-payment' }, allowed)).toBe(200);
    const events = await database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(webhookEvents)
        .where(sql`${webhookEvents.eventId} like '%no-such-payment'`),
    );
    expect(events).toHaveLength(0);
  });
});
