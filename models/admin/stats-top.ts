import { and, count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { orderItems, orders } from '../orders/table.js';
import type { MoneyByCurrency } from './lookup.js';

export interface TopChannel {
  id: string;
  title: string;
  username: string | null;
  orders: number;
  sales: MoneyByCurrency[];
}

export interface TopAdvertiser {
  accountId: string;
  telegramId: number;
  name: string | null;
  username: string | null;
  orders: number;
  spent: MoneyByCurrency[];
}

/** The "paid in the range" condition platformStats built. */
export type Where = ReturnType<typeof and>;

/** The 5 channels with the most orders paid in the range, with their sales per currency. */
export async function topChannels(tx: Tx, paidInRange: Where): Promise<TopChannel[]> {
  const top = await tx
    .select({
      id: channels.id,
      title: channels.title,
      username: channels.username,
      orders: countDistinct(orders.id),
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(paidInRange)
    .groupBy(channels.id, channels.workspaceId)
    .orderBy(desc(countDistinct(orders.id)), channels.title)
    .limit(5);
  if (top.length === 0) return [];
  const sales = await tx
    .select({
      channelId: orderItems.channelId,
      currency: orders.currency,
      amount: sql<string>`sum(${orderItems.price})::text`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        paidInRange,
        inArray(
          orderItems.channelId,
          top.map((t) => t.id),
        ),
      ),
    )
    .groupBy(orderItems.channelId, orders.currency);
  return top.map((t) => ({
    ...t,
    sales: sales
      .filter((s) => s.channelId === t.id)
      .map((s) => ({ currency: s.currency, amount: Number(s.amount) })),
  }));
}

/** The 5 advertisers with the most orders paid in the range, with their spending per currency. */
export async function topAdvertisers(tx: Tx, paidInRange: Where): Promise<TopAdvertiser[]> {
  const top = await tx
    .select({
      accountId: accounts.id,
      telegramId: accounts.telegramId,
      name: accounts.firstName,
      username: accounts.username,
      orders: count(orders.id),
    })
    .from(orders)
    .innerJoin(accounts, eq(accounts.id, orders.advertiserAccountId))
    .where(paidInRange)
    .groupBy(accounts.id)
    .orderBy(desc(count(orders.id)), desc(sql`max(${orders.paidAt})`))
    .limit(5);
  if (top.length === 0) return [];
  const spent = await tx
    .select({
      accountId: orders.advertiserAccountId,
      currency: orders.currency,
      amount: sql<string>`sum(${orders.total})::text`,
    })
    .from(orders)
    .where(
      and(
        paidInRange,
        inArray(
          orders.advertiserAccountId,
          top.map((t) => t.accountId),
        ),
      ),
    )
    .groupBy(orders.advertiserAccountId, orders.currency);
  return top.map((t) => ({
    ...t,
    spent: spent
      .filter((s) => s.accountId === t.accountId)
      .map((s) => ({ currency: s.currency, amount: Number(s.amount) })),
  }));
}
