import { eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { createHttpApp } from '../../../http/app.js';
import { createMetrics } from '../../../http/metrics.js';
import { startHttpServer } from '../../../http/server.js';
import { stripeWebhookRoutes } from '../../../http/webhooks/stripe.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { createLogger, type Logger } from '../../../models/logger.js';
import { transitionOrder } from '../../../models/orders/transition-order.js';
import { createStripeGateway, type StripeGateway } from '../../../models/providers/stripe.js';
import { orders, payments, webhookEvents, workspaces } from '../../../models/schema.js';
import { startStripeFake, type StripeFake } from '../../../sandbox/fakes/stripe.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';

export interface StripeWebhookWorld {
  database: Database;
  /** The Stripe fake; its events are returned, not sent (`autoDeliver: false`). */
  fake: StripeFake;
  gateway: StripeGateway;
  /** The webhook route's address (also the fake's webhookUrl). */
  url: string;
  close(): Promise<void>;
}

/** A test database, the Stripe fake and `POST /webhooks/stripe` on a local server. */
export async function startStripeWebhook(
  clock: Clock,
  logger: Logger = createLogger({ level: 'silent' }),
): Promise<StripeWebhookWorld> {
  const [database, fake] = await Promise.all([
    createTestDatabase(),
    startStripeFake({ autoDeliver: false }),
  ]);
  const gateway = createStripeGateway({
    secretKey: fake.secretKey,
    webhookSecret: fake.webhookSecret,
    apiRoot: fake.apiRoot,
  });
  const app = createHttpApp({
    logger,
    metrics: createMetrics(),
    readiness: {},
    routers: [
      stripeWebhookRoutes({
        database,
        clock,
        logger,
        gateway,
      }),
    ],
  });
  const server = await startHttpServer(app, '127.0.0.1', 0);
  const url = `${server.url}/webhooks/stripe`;
  fake.webhookUrl = url;
  return {
    database,
    fake,
    gateway,
    url,
    async close() {
      await server.close();
      await fake.close();
      await database.close();
    },
  };
}

export type StripeOrder = MadeOrder & { advertiserId: string; sessionId: string };

/** A held USD order with a Stripe Checkout Session opened for it (pending row, order awaiting payment). */
export async function orderAwaitingStripe(
  database: Database,
  gateway: StripeGateway,
  clock: Clock,
): Promise<StripeOrder> {
  const advertiserId = (await makeAccount(database)).id;
  const seeded = await makeOrder(database, {
    advertiser: advertiserId,
    at: clock.now(),
    currency: 'USD',
  });
  const key = `order:${seeded.orderId}:1:stripe`;
  const [row] = await database.withScope(
    { workspaceId: seeded.workspaceId, accountId: advertiserId },
    (tx) =>
      tx
        .insert(payments)
        .values({
          workspaceId: seeded.workspaceId,
          accountId: advertiserId,
          purpose: 'order',
          orderId: seeded.orderId,
          provider: 'stripe',
          idempotencyKey: key,
          amount: seeded.total,
          currency: 'USD',
        })
        .returning({ id: payments.id }),
  );
  const created = await gateway.createOrderCheckout({
    idempotencyKey: key,
    orderId: seeded.orderId,
    paymentId: row!.id,
    amount: seeded.total,
    currency: 'USD',
    description: 'Ad order',
    successUrl: 'https://t.me/lytslot_bot',
    cancelUrl: 'https://t.me/lytslot_bot',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await database.withScope(
    { workspaceId: seeded.workspaceId, accountId: advertiserId },
    async (tx) => {
      await tx
        .update(payments)
        .set({ providerPaymentId: created.sessionId, confirmationUrl: created.url })
        .where(eq(payments.id, row!.id));
      const moved = await transitionOrder(tx, {
        orderId: seeded.orderId,
        from: ['held'],
        to: 'awaiting_payment',
        actor: `account:${advertiserId}`,
        at: clock.now(),
      });
      if (!moved.ok) throw new Error(moved.code);
    },
  );
  return { ...seeded, advertiserId, sessionId: created.sessionId };
}

/** POSTs raw bytes with a Stripe-Signature made by stripe's own generateTestHeaderString. */
export async function postSigned(
  url: string,
  event: unknown,
  secret: string,
  options: { timestamp?: number; tamper?: (payload: string) => string } = {},
): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body: options.tamper ? options.tamper(payload) : payload,
  });
  return { status: res.status, body: await res.text() };
}

/** The order, its Stripe payment rows, its workspace's postings count and escrow balance. */
export async function orderState(database: Database, o: { orderId: string; workspaceId: string }) {
  return database.withSystem('test read', async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, o.orderId));
    const rows = await tx.select().from(payments).where(eq(payments.orderId, o.orderId));
    const [counted] = (
      await tx.execute(
        sql`select count(distinct posting_id)::int as n,
              coalesce(sum(amount) filter (where account = 'escrow'), 0)::bigint as escrow
            from ledger_entries where workspace_id = ${o.workspaceId}`,
      )
    ).rows as { n: number; escrow: string }[];
    return {
      order: order!,
      payments: rows,
      postings: counted!.n,
      escrow: 0 - Number(counted!.escrow),
    };
  });
}

export async function eventRow(database: Database, eventId: string) {
  const [row] = await database.withSystem('test read', (tx) =>
    tx.select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId)),
  );
  return row;
}

export async function workspaceRow(database: Database, workspaceId: string) {
  const [row] = await database.withSystem('test read', (tx) =>
    tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
  );
  return row!;
}
