import { and, asc, eq, inArray } from 'drizzle-orm';
import { readChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { slots } from '../slots/table.js';
import { priceOrder } from './pricing.js';
import { orderItems, orders, type Currency, type OrderStatus } from './table.js';

export interface CartItem {
  itemId: string;
  channelId: string;
  channelTitle: string;
  timezone: string;
  startsAt: Date;
  format: string;
  price: number;
  discount: number;
}

export interface CartOrder {
  orderId: string;
  status: OrderStatus;
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
  holdExpiresAt: Date | null;
  items: CartItem[];
}

/** The advertiser's open (held or awaiting_payment) orders of a bundle with their items, in time order. */
export async function readBundle(
  database: Database,
  accountId: string,
  bundleId: string,
): Promise<CartOrder[]> {
  const open = await database.withScope({ accountId }, (tx) =>
    tx
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.bundleId, bundleId),
          eq(orders.advertiserAccountId, accountId),
          inArray(orders.status, ['held', 'awaiting_payment']),
        ),
      )
      .orderBy(asc(orders.createdAt)),
  );
  const result: CartOrder[] = [];
  for (const order of open) {
    const rows = await database.withScope({ workspaceId: order.workspaceId, accountId }, (tx) =>
      tx
        .select({
          itemId: orderItems.id,
          channelId: orderItems.channelId,
          channelTitle: channels.title,
          settings: channels.settings,
          language: channels.language,
          startsAt: slots.startsAt,
          format: orderItems.format,
          price: orderItems.price,
        })
        .from(orderItems)
        .innerJoin(channels, eq(channels.id, orderItems.channelId))
        .innerJoin(slots, eq(slots.id, orderItems.slotId))
        .where(eq(orderItems.orderId, order.id))
        .orderBy(asc(slots.startsAt)),
    );
    const settings = new Map(
      rows.map((r) => [r.channelId, readChannelSettings(r.settings, r.language ?? 'en')]),
    );
    const price = priceOrder(rows, (id) => settings.get(id)?.bundleDiscount);
    result.push({
      orderId: order.id,
      status: order.status,
      currency: order.currency,
      subtotal: order.subtotal,
      discount: order.discount,
      total: order.total,
      holdExpiresAt: order.holdExpiresAt,
      items: rows.map((r, i) => ({
        itemId: r.itemId,
        channelId: r.channelId,
        channelTitle: r.channelTitle,
        timezone: settings.get(r.channelId)?.timezone ?? 'UTC',
        startsAt: r.startsAt,
        format: r.format,
        price: r.price,
        discount: price.items[i]?.discount ?? 0,
      })),
    });
  }
  return result;
}
