import { and, asc, eq } from 'drizzle-orm';
import { accounts } from '../accounts/table.js';
import { readChannelSettings, type ChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { DbOrTx } from '../db.js';
import { creatives, orderItems, orders, type Currency, type OrderStatus } from './table.js';
import { slots } from '../slots/table.js';

export interface OrderItemView {
  channelId: string;
  channelTitle: string;
  channelTimezone: string;
  settings: ChannelSettings;
  startsAt: Date;
  format: string;
  price: number;
}

export interface OrderView {
  id: string;
  workspaceId: string;
  advertiserAccountId: string;
  bundleId: string | null;
  status: OrderStatus;
  currency: Currency;
  subtotal: number;
  discount: number;
  total: number;
  refundedAmount: number;
  marking: Record<string, unknown> | null;
  statusReason: string | null;
  holdExpiresAt: Date | null;
  reviewDeadlineAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  items: OrderItemView[];
  /** Variant 0 (the one previewed), if handed in. */
  creative: { id: string; content: Record<string, unknown>; buttons: unknown[] } | undefined;
  advertiser: { telegramId: number; language: string; timezone: string; firstName: string | null };
}

/**
 * One order with its items (channel, slot time, format, price), first creative and advertiser. The
 * transaction must see the order's workspace (channels and slots are workspace rows).
 */
export async function readOrderView(tx: DbOrTx, orderId: string): Promise<OrderView | undefined> {
  const [order] = await tx
    .select({
      id: orders.id,
      workspaceId: orders.workspaceId,
      advertiserAccountId: orders.advertiserAccountId,
      bundleId: orders.bundleId,
      status: orders.status,
      currency: orders.currency,
      subtotal: orders.subtotal,
      discount: orders.discount,
      total: orders.total,
      refundedAmount: orders.refundedAmount,
      marking: orders.marking,
      statusReason: orders.statusReason,
      holdExpiresAt: orders.holdExpiresAt,
      reviewDeadlineAt: orders.reviewDeadlineAt,
      createdAt: orders.createdAt,
      updatedAt: orders.updatedAt,
      telegramId: accounts.telegramId,
      language: accounts.language,
      timezone: accounts.timezone,
      firstName: accounts.firstName,
    })
    .from(orders)
    .innerJoin(accounts, eq(accounts.id, orders.advertiserAccountId))
    .where(eq(orders.id, orderId))
    .limit(1);
  if (!order) return undefined;
  const items = await tx
    .select({
      channelId: orderItems.channelId,
      channelTitle: channels.title,
      language: channels.language,
      settings: channels.settings,
      startsAt: slots.startsAt,
      format: orderItems.format,
      price: orderItems.price,
    })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(slots.startsAt));
  const [creative] = await tx
    .select({ id: creatives.id, content: creatives.content, buttons: creatives.buttons })
    .from(creatives)
    .where(and(eq(creatives.orderId, orderId), eq(creatives.variantIndex, 0)))
    .limit(1);
  const { telegramId, language, timezone, firstName, ...rest } = order;
  return {
    ...rest,
    items: items.map(({ language: lang, settings, ...item }) => {
      const parsed = readChannelSettings(settings, lang ?? 'en');
      return { ...item, settings: parsed, channelTimezone: parsed.timezone };
    }),
    creative,
    advertiser: { telegramId, language, timezone, firstName },
  };
}
