import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Api } from 'grammy';
import { createI18n } from '../../../messages/i18n.js';
import { createApiKey } from '../../../models/api-keys/create-api-key.js';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import { orderItems, orders, payments, slots } from '../../../models/schema.js';
import { startCheckoutWorld, type CheckoutWorld } from '../../bot/checkout/setup.js';
import { makeAccount } from '../../factories/accounts.js';
import { everyDayAt, makeListedChannel } from '../../factories/channels.js';
import { ensureFreeSlots } from '../../factories/slots.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { startV1World, type ApiAnswer, type V1World } from './world.js';

const hour = 3_600_000;

/**
 * The partner API's order writes beside the real bot: one database, one test clock, the sandbox
 * emulator (Stars invoice links are created there and paid by a sandbox user through the bot).
 */
export interface OrdersWorld {
  checkout: CheckoutWorld;
  api: V1World;
  /** An advertiser who is a sandbox user, with a key for their account. */
  advertiser(): Promise<{ user: TestUser; accountId: string; key: string }>;
  /** A listed channel selling 1/24 at $10 with free slots `hoursAhead` from now (on the hour, on its UTC schedule). */
  channel(
    hoursAhead: number[],
    settings?: Partial<ChannelSettings>,
    workspaceId?: string,
  ): Promise<{ id: string; workspaceId: string; startsAt: Date[] }>;
  /** POST with an Idempotency-Key (a new one unless given). */
  post(
    path: string,
    key: string,
    body: unknown,
    idempotencyKey?: string,
    params?: Record<string, string>,
  ): Promise<ApiAnswer>;
  /** The advertiser's orders and what they hold (system read). */
  ordersOf(
    accountId: string,
  ): Promise<{ id: string; status: string; items: number; heldSlots: number; payments: number }[]>;
  close(): Promise<void>;
}

export async function startOrdersWorld(): Promise<OrdersWorld> {
  // Partners' webhook receivers in tests listen on 127.0.0.1.
  const checkout = await startCheckoutWorld({ jobs: true, env: { WEBHOOK_ALLOW_PRIVATE: 'on' } });
  const { database, clock, sandbox } = checkout;
  // No auto-retry: a refused createInvoiceLink fails the link at once (emulator.failNext).
  const telegram = new Api(sandbox.token, { apiRoot: sandbox.apiRoot });
  const api = await startV1World({
    database,
    clock,
    orders: {
      telegram,
      providers: checkout.deps.providers,
      starsRates: {
        starsPerRub: checkout.deps.config.starsPerRub,
        starsPerUsd: checkout.deps.config.starsPerUsd,
      },
      i18n: createI18n(),
      publicUrl: 'http://localhost',
    },
  });
  const base = new Date(Math.ceil(clock.now().getTime() / hour) * hour);
  return {
    checkout,
    api,
    async advertiser() {
      const user = sandbox.user({ first_name: 'Ada' });
      const account = await makeAccount(database, {
        telegramId: user.id,
        language: 'en',
        firstName: 'Ada',
      });
      const created = await createApiKey(
        database,
        { owner: { accountId: account.id }, actorAccountId: account.id, name: 'partner' },
        clock,
      );
      if (!created.ok) throw new Error(created.code);
      return { user, accountId: account.id, key: created.value.key };
    },
    async channel(hoursAhead, settings = {}, workspaceId) {
      const startsAt = hoursAhead.map((h) => new Date(base.getTime() + h * hour));
      // On the channel's schedule: the jobs' horizon pass would withdraw a slot off it.
      const times = [...new Set(startsAt.map((at) => at.toISOString().slice(11, 16)))];
      const made = await makeListedChannel(database, {
        ...(workspaceId ? { workspaceId } : {}),
        title: `Channel ${randomUUID().slice(0, 6)}`,
        settings: {
          prices: { '1/24': 1_000 },
          currency: 'USD',
          timezone: 'UTC',
          schedule: everyDayAt(...times),
          ...settings,
        },
      });
      // The schedule's generator (the jobs' horizon pass) may make some of them meanwhile.
      await ensureFreeSlots(database, made, startsAt);
      return { id: made.id, workspaceId: made.workspaceId, startsAt };
    },
    post(path, key, body, idempotencyKey = randomUUID(), params) {
      return api.call({
        method: 'post',
        path,
        key,
        ...(params ? { params } : {}),
        headers: { 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
    },
    ordersOf(accountId) {
      return database.withSystem('test read', async (tx) => {
        const rows = await tx
          .select()
          .from(orders)
          .where(eq(orders.advertiserAccountId, accountId));
        return Promise.all(
          rows.map(async (o) => ({
            id: o.id,
            status: o.status,
            items: (await tx.select().from(orderItems).where(eq(orderItems.orderId, o.id))).length,
            heldSlots: (await tx.select().from(slots).where(eq(slots.orderId, o.id))).length,
            payments: (await tx.select().from(payments).where(eq(payments.orderId, o.id))).length,
          })),
        );
      });
    },
    async close() {
      await api.close();
      await checkout.close();
    },
  };
}

/** A valid body booking these slots of a channel, paid with Stars. */
export function orderBody(
  channel: { id: string; startsAt: Date[] },
  extra: Record<string, unknown> = {},
) {
  return {
    items: channel.startsAt.map((at) => ({
      channel_id: channel.id,
      starts_at: at.toISOString(),
      format: '1/24',
    })),
    creative: {
      text: '<b>Fresh coffee</b> every morning at <a href="https://coffee.example">our place</a>',
      buttons: [{ text: 'Order', url: 'https://coffee.example/order' }],
    },
    payment_method: 'stars',
    ...extra,
  };
}
