import { z } from 'zod';
import type { OrderView } from '../../models/orders/order-view.js';
import { currencies, orderStatuses } from '../../models/orders/table.js';
import { minorUnits, named, uuid } from './schemas.js';

/** How an order is (to be) paid, and where the advertiser pays it. */
export const orderPayment = z
  .object({
    method: z
      .enum(['stars', 'stripe', 'yookassa', 'balance'])
      .describe('balance: paid from the advertiser’s LytSlot balance in the bot (no link).'),
    amount: minorUnits,
    currency: z.enum(currencies),
    url: z
      .string()
      .nullable()
      .describe('Where to pay; null once the order no longer takes payment.'),
  })
  .describe('The payment the order waits for.');

/** One booked slot of an order. */
export const orderItem = z.object({
  channel_id: uuid,
  starts_at: z.iso.datetime({ offset: true }).describe('Start of the slot (ISO 8601 instant).'),
  format: z.string().describe('1/24, 2/48, 3/72, 1/0 or pin:<hours>.'),
  price: minorUnits,
});

/** The order as the partner API shows it (shared by the write and read operations). */
export const orderSchema = named(
  'Order',
  z
    .object({
      id: uuid,
      status: z.enum(orderStatuses),
      created_at: z.iso.datetime({ offset: true }),
      items: z.array(orderItem),
      total: minorUnits,
      currency: z.enum(currencies),
      hold_expires_at: z.iso
        .datetime({ offset: true })
        .nullable()
        .describe('Until when the slots are held unpaid; null when no hold runs.'),
      payment: orderPayment.nullable(),
    })
    .describe('An advertiser’s order: the slots it books in one workspace’s channels.'),
);

export type OrderBody = z.output<typeof orderSchema>;

/** An order as the API shows it, from the order's view and its payment (null: none awaited). */
export function presentOrder(
  view: Pick<OrderView, 'id' | 'status' | 'createdAt' | 'total' | 'currency' | 'holdExpiresAt'> & {
    items: Pick<OrderView['items'][number], 'channelId' | 'startsAt' | 'format' | 'price'>[];
  },
  payment: OrderBody['payment'],
): OrderBody {
  return {
    id: view.id,
    status: view.status,
    created_at: view.createdAt.toISOString(),
    items: view.items.map((item) => ({
      channel_id: item.channelId,
      starts_at: item.startsAt.toISOString(),
      format: item.format,
      price: item.price,
    })),
    total: view.total,
    currency: view.currency,
    hold_expires_at: view.holdExpiresAt?.toISOString() ?? null,
    payment,
  };
}
