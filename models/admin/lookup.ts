import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels, type ChannelStatus } from '../channels/table.js';
import type { Database } from '../db.js';
import { disputes } from '../disputes/table.js';
import { orderItems, orders, type Currency, type OrderStatus } from '../orders/table.js';
import { payments, type PaymentProvider, type PaymentStatus } from '../payments/table.js';
import { workspaces, type WorkspacePlan } from '../workspaces/table.js';

/** Order states that count as "paid" money (sold): from paid on, refunds aside. */
export const soldStatuses: OrderStatus[] = [
  'paid',
  'in_review',
  'scheduled',
  'publishing',
  'published',
  'completed',
  'disputed',
  'failed',
  'refunded',
];
/** Paid orders still to be published (a channel block cancels these). */
export const upcomingStatuses: OrderStatus[] = ['paid', 'in_review', 'scheduled'];

export interface Person {
  accountId: string;
  telegramId: number;
  name: string | null;
  username: string | null;
}

export interface MoneyByCurrency {
  currency: Currency;
  amount: number;
}

export interface OrderLookup {
  id: string;
  status: OrderStatus;
  statusReason: string | null;
  currency: Currency;
  total: number;
  refundedAmount: number;
  createdAt: Date;
  paidAt: Date | null;
  workspaceId: string;
  owner: Person | undefined;
  advertiser: Person | undefined;
  channels: { id: string; title: string }[];
  items: number;
  payments: {
    provider: PaymentProvider;
    status: PaymentStatus;
    amount: number;
    currency: Currency;
    refundedAmount: number;
  }[];
  disputes: number;
}

export interface ChannelLookup {
  id: string;
  title: string;
  username: string | null;
  telegramChatId: number;
  status: ChannelStatus;
  statusReason: string | null;
  subscribers: number;
  workspaceId: string;
  plan: WorkspacePlan;
  owner: Person | undefined;
  createdAt: Date;
  orders: { sold: number; upcoming: number; refunded: number };
  published: number;
  violations: number;
  sales: MoneyByCurrency[];
}

/** The columns of a Person. */
export const personColumns = {
  accountId: accounts.id,
  telegramId: accounts.telegramId,
  name: accounts.firstName,
  username: accounts.username,
};

/** Summed amounts per currency (minor units, zeros left out), largest first; never converted. */
export function sumsByCurrency(
  rows: { currency: Currency; amount: string | number | null }[],
): MoneyByCurrency[] {
  return rows
    .map((r) => ({ currency: r.currency, amount: Number(r.amount ?? 0) }))
    .filter((r) => r.amount !== 0)
    .sort((a, b) => b.amount - a.amount);
}

/** The admin's look-up of one order: status, money, people, channels, payments, disputes. */
export async function lookUpOrder(database: Database, orderId: string) {
  return database.withSystem(
    'admin: look up an order',
    async (tx): Promise<OrderLookup | undefined> => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).limit(1);
      if (!order) return undefined;
      const [workspace] = await tx
        .select({ ownerAccountId: workspaces.ownerAccountId })
        .from(workspaces)
        .where(eq(workspaces.id, order.workspaceId));
      const people = await tx
        .select(personColumns)
        .from(accounts)
        .where(
          inArray(accounts.id, [
            order.advertiserAccountId,
            workspace?.ownerAccountId ?? order.advertiserAccountId,
          ]),
        );
      const items = await tx
        .select({ id: channels.id, title: channels.title })
        .from(orderItems)
        .innerJoin(channels, eq(channels.id, orderItems.channelId))
        .where(eq(orderItems.orderId, orderId));
      const pays = await tx
        .select({
          provider: payments.provider,
          status: payments.status,
          amount: payments.amount,
          currency: payments.currency,
          refundedAmount: payments.refundedAmount,
        })
        .from(payments)
        .where(eq(payments.orderId, orderId))
        .orderBy(asc(payments.createdAt));
      const [disputed] = await tx
        .select({ n: count() })
        .from(disputes)
        .where(eq(disputes.orderId, orderId));
      const uniqueChannels = [...new Map(items.map((c) => [c.id, c])).values()];
      return {
        id: order.id,
        status: order.status,
        statusReason: order.statusReason,
        currency: order.currency,
        total: order.total,
        refundedAmount: order.refundedAmount,
        createdAt: order.createdAt,
        paidAt: order.paidAt,
        workspaceId: order.workspaceId,
        owner: people.find((p) => p.accountId === workspace?.ownerAccountId),
        advertiser: people.find((p) => p.accountId === order.advertiserAccountId),
        channels: uniqueChannels,
        items: items.length,
        payments: pays,
        disputes: disputed?.n ?? 0,
      };
    },
  );
}

/** The admin's look-up of one channel: status, owner, plan, order counts and sales per currency. */
export async function lookUpChannel(database: Database, channelId: string) {
  return database.withSystem(
    'admin: look up a channel',
    async (tx): Promise<ChannelLookup | undefined> => {
      const [row] = await tx
        .select({
          channel: channels,
          plan: workspaces.plan,
          ownerAccountId: workspaces.ownerAccountId,
        })
        .from(channels)
        .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
        .where(eq(channels.id, channelId))
        .limit(1);
      if (!row) return undefined;
      const [owner] = await tx
        .select(personColumns)
        .from(accounts)
        .where(eq(accounts.id, row.ownerAccountId));
      const channelOrders = tx
        .selectDistinct({ id: orderItems.orderId })
        .from(orderItems)
        .where(eq(orderItems.channelId, channelId));
      const [counts] = await tx
        .select({
          sold: sql<number>`count(*) filter (where ${inArray(orders.status, soldStatuses)})::int`,
          upcoming: sql<number>`count(*) filter (where ${inArray(orders.status, upcomingStatuses)})::int`,
          refunded: sql<number>`count(*) filter (where ${orders.refundedAmount} > 0)::int`,
        })
        .from(orders)
        .where(inArray(orders.id, channelOrders));
      const sales = await tx
        .select({ currency: orders.currency, amount: sql<string>`sum(${orderItems.price})::text` })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(eq(orderItems.channelId, channelId), inArray(orders.status, soldStatuses)))
        .groupBy(orders.currency);
      const c = row.channel;
      return {
        id: c.id,
        title: c.title,
        username: c.username,
        telegramChatId: c.telegramChatId,
        status: c.status,
        statusReason: c.statusReason,
        subscribers: c.subscribers,
        workspaceId: c.workspaceId,
        plan: row.plan,
        owner,
        createdAt: c.createdAt,
        orders: counts ?? { sold: 0, upcoming: 0, refunded: 0 },
        published: c.publishedCount,
        violations: c.violationCount,
        sales: sumsByCurrency(sales),
      };
    },
  );
}
