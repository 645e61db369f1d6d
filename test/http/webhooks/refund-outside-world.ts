import { asc, eq, inArray, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createHttpApp } from '../../../http/app.js';
import { createMetrics } from '../../../http/metrics.js';
import { startHttpServer } from '../../../http/server.js';
import { stripeWebhookRoutes } from '../../../http/webhooks/stripe.js';
import { yooKassaWebhookRoutes } from '../../../http/webhooks/yookassa.js';
import { publishPlacement, type PublishDeps } from '../../../jobs/publish.js';
import { testOutbound } from '../../helpers/outbound.js';
import {
  attachProviderPayment,
  type PreparedExternalPayment,
} from '../../../models/checkout/prepare-external-payment.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import { createStripeGateway, type StripeGateway } from '../../../models/providers/stripe.js';
import type { ExternalProvider } from '../../../models/providers/types.js';
import { createYooKassaGateway, type YooKassaGateway } from '../../../models/providers/yookassa.js';
import { orders, payments, placements, slots } from '../../../models/schema.js';
import { startStripeFake, type StripeFake } from '../../../sandbox/fakes/stripe.js';
import { startYooKassaFake, type YooKassaFake } from '../../../sandbox/fakes/yookassa.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { preparedForProvider } from '../../models/payments/paid-orders.js';
import { deliverEvents } from '../../helpers/outbox.js';
import { bindSandboxChannel } from '../../factories/sandbox-placements.js';
import { testPublishDeps } from '../../helpers/publish-deps.js';

/** Both providers' fakes posting to our webhook routes, the Telegram emulator and the publish job's deps. */
export interface RefundWorld {
  database: Database;
  sandbox: Sandbox;
  stripe: StripeFake;
  stripeGateway: StripeGateway;
  yookassa: YooKassaFake;
  yookassaGateway: YooKassaGateway;
  /** The platform clock; `setNow` moves it (to a slot's time, say). */
  clock: Clock;
  setNow(ms: number): void;
  publish: PublishDeps;
  close(): Promise<void>;
}

export async function startRefundWorld(): Promise<RefundWorld> {
  let nowMs = Date.now();
  const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
  const [database, sandbox, stripe, yookassa] = await Promise.all([
    createTestDatabase(),
    startSandbox(),
    startStripeFake(),
    startYooKassaFake(),
  ]);
  const stripeGateway = createStripeGateway({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiRoot: stripe.apiRoot,
  });
  const yookassaGateway: YooKassaGateway = createYooKassaGateway({
    shopId: yookassa.shopId,
    secretKey: yookassa.secretKey,
    apiRoot: yookassa.apiRoot,
    backoffMs: 5,
  });
  const logger = createLogger({ level: 'silent' });
  const app = createHttpApp({
    logger,
    metrics: createMetrics(),
    readiness: {},
    routers: [
      stripeWebhookRoutes({ database, clock, logger, gateway: stripeGateway }),
      yooKassaWebhookRoutes({
        database,
        clock,
        logger,
        gateway: yookassaGateway,
        allowedAddresses: ['127.0.0.1/32'],
      }),
    ],
  });
  const server = await startHttpServer(app, '127.0.0.1', 0);
  stripe.webhookUrl = `${server.url}/webhooks/stripe`;
  yookassa.webhookUrl = `${server.url}/webhooks/yookassa`;
  const sender = testOutbound(sandbox);
  const publish = testPublishDeps(
    { database, clock, api: sender.api },
    { logger, refund: () => Promise.reject(new Error('no order of these tests fails')) },
  );
  return {
    database,
    sandbox,
    stripe,
    stripeGateway,
    yookassa,
    yookassaGateway,
    clock,
    setNow: (ms) => void (nowMs = ms),
    publish,
    async close() {
      await server.close();
      await Promise.all([stripe.close(), yookassa.close(), sandbox.close()]);
      await database.close();
    },
  };
}

export interface ScheduledOrder {
  orderId: string;
  workspaceId: string;
  advertiser: string;
  owner: string;
  total: number;
  slotIds: string[];
  /** The emulator channel the ads go to. */
  chatId: number;
  /** The provider's id of the payment (Stripe payment intent, YooKassa payment). */
  providerPaymentId: string;
  placements: { id: string; dueAt: Date }[];
}

/** Opens the prepared payment at its provider and pays it there; the provider's webhook records it. */
async function payAtProvider(
  world: RefundWorld,
  accountId: string,
  prepared: PreparedExternalPayment,
) {
  const { orderId, paymentId, amount } = prepared;
  const back = 'https://t.me/lytslot_bot';
  if (prepared.currency === 'USD') {
    const session = await world.stripeGateway.createOrderCheckout({
      idempotencyKey: prepared.idempotencyKey,
      orderId,
      paymentId,
      amount,
      currency: 'USD',
      description: 'Ad order',
      successUrl: back,
      cancelUrl: back,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await attach(world, accountId, prepared, session.sessionId);
    const delivered = await world.stripe.completeSession(session.sessionId);
    expect(delivered.map((d) => d.status)).toEqual([200]);
    return world.stripe.objects.session(session.sessionId).payment_intent as string;
  }
  const created = await world.yookassaGateway.createPayment({
    idempotenceKey: prepared.idempotencyKey,
    amount,
    currency: 'RUB',
    description: 'Ad order',
    returnUrl: back,
    metadata: { orderId, paymentId },
  });
  await attach(world, accountId, prepared, created.paymentId);
  const paid = world.yookassa.succeed(created.paymentId);
  expect(await world.yookassa.notify('payment.succeeded', paid)).toBe(200);
  return created.paymentId;
}

async function attach(
  world: RefundWorld,
  accountId: string,
  prepared: PreparedExternalPayment,
  providerId: string,
) {
  const attached = await attachProviderPayment(
    world.database,
    {
      accountId,
      workspaceId: prepared.workspaceId,
      paymentId: prepared.paymentId,
      providerPaymentId: providerId,
      confirmationUrl: `https://pay.example/${providerId}`,
    },
    world.clock,
  );
  expect(attached.ok).toBe(true);
}

/**
 * A held order of `slotCount` slots in an auto-accepting emulator channel, paid through `provider`
 * (Stripe: USD, YooKassa: RUB) as a payer would, so it is `scheduled` with its placements.
 */
export async function scheduledOrder(
  world: RefundWorld,
  provider: ExternalProvider,
  slotCount = 1,
): Promise<ScheduledOrder> {
  const { advertiser, seeded, prepared } = await preparedForProvider(
    world.database,
    world.clock,
    provider,
    { slotCount, settings: { review: { mode: 'auto' } } },
  );
  const chatId = await bindSandboxChannel(
    world.database,
    world.sandbox,
    seeded.channelId,
    provider,
  );
  const providerPaymentId = await payAtProvider(world, advertiser, prepared);
  const state = await readRefundState(world, seeded);
  expect(state.order.status).toBe('scheduled');
  return {
    ...seeded,
    advertiser,
    owner: seeded.ownerAccountId,
    chatId,
    providerPaymentId,
    placements: state.placements.map((p) => ({ id: p.id, dueAt: p.dueAt })),
  };
}

/** Runs the publish job of a placement at its slot's time. */
export function publishAtItsTime(world: RefundWorld, placement: { id: string; dueAt: Date }) {
  world.setNow(placement.dueAt.getTime() + 30_000);
  return publishPlacement(world.publish, placement.id);
}

/**
 * Everything a refund may touch: the order, its payment, placements and slots, the order's ledger
 * lines per account (escrow as what it holds), postings that do not balance (must be none), the
 * order's audit actions and the notifications queued about it (key and recipient).
 */
export async function readRefundState(
  world: RefundWorld,
  o: { orderId: string; slotIds: string[] },
) {
  await deliverEvents(world.database);
  return world.database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.orderId, o.orderId))
      .orderBy(asc(payments.createdAt));
    const rows = await tx
      .select()
      .from(placements)
      .where(eq(placements.orderId, o.orderId))
      .orderBy(asc(placements.dueAt));
    const slotRows = await tx.select().from(slots).where(inArray(slots.id, o.slotIds));
    const memo = `order ${o.orderId}:%`;
    const lines = await tx.execute<{ account: string; sum: string }>(
      sql`select account, sum(amount)::text as sum from ledger_entries
          where memo like ${memo} group by account`,
    );
    const [postings] = (
      await tx.execute<{ n: number }>(
        sql`select count(distinct posting_id)::int as n from ledger_entries where memo like ${memo}`,
      )
    ).rows;
    const unbalanced = await tx.execute(
      sql`select posting_id from ledger_entries group by posting_id having sum(amount) <> 0`,
    );
    const audit = await tx.execute<{ action: string }>(
      sql`select action from audit_log where object_id = ${o.orderId} order by at, action`,
    );
    const notices = await tx.execute<{ key: string; account: string }>(
      sql`select data->>'key' as key, data->>'accountId' as account from agenda_jobs
          where name = 'notifications.send' and data->'vars'->>'order' = ${o.orderId.slice(0, 8)}`,
    );
    const ledger = Object.fromEntries(lines.rows.map((r) => [r.account, Number(r.sum)]));
    return {
      order: order!,
      payment: payment!,
      placements: rows,
      slots: slotRows,
      ledger,
      escrow: 0 - (ledger.escrow ?? 0),
      postings: postings?.n ?? 0,
      unbalanced: unbalanced.rows.length,
      audit: audit.rows.map((r) => r.action),
      notices: notices.rows,
    };
  });
}
