import { randomUUID } from 'node:crypto';
import { orderItems, orders, slots } from '../../../models/schema.js';
import type { Database } from '../../../models/db.js';

let slotSeq = 0;

/**
 * A held bundle of one order: the advertiser holds one 1/24 slot on each given channel of one
 * workspace (inserted directly; the booking flow is tested by its own feature).
 */
export async function seedHeldBundle(
  database: Database,
  input: {
    workspaceId: string;
    advertiserId: string;
    channelIds: string[];
    price?: number;
    bundleId?: string;
  },
): Promise<{ bundleId: string; orderId: string }> {
  const bundleId = input.bundleId ?? randomUUID();
  const price = input.price ?? 100_000;
  const now = Date.now();
  const holdExpiresAt = new Date(now + 15 * 60_000);
  const scope = { workspaceId: input.workspaceId, accountId: input.advertiserId };
  const orderId = await database.withScope(scope, async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: input.workspaceId,
        advertiserAccountId: input.advertiserId,
        bundleId,
        status: 'held',
        currency: 'RUB',
        subtotal: price * input.channelIds.length,
        total: price * input.channelIds.length,
        holdExpiresAt,
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('order not inserted');
    for (const [i, channelId] of input.channelIds.entries()) {
      const [slot] = await tx
        .insert(slots)
        .values({
          channelId,
          workspaceId: input.workspaceId,
          startsAt: new Date(now + (i + 2) * 86_400_000 + (slotSeq += 1) * 3_600_000),
          status: 'held',
          holdExpiresAt,
          orderId: order.id,
          format: '1/24',
        })
        .returning({ id: slots.id });
      if (!slot) throw new Error('slot not inserted');
      await tx.insert(orderItems).values({
        orderId: order.id,
        workspaceId: input.workspaceId,
        advertiserAccountId: input.advertiserId,
        slotId: slot.id,
        channelId,
        format: '1/24',
        price,
      });
    }
    return order.id;
  });
  return { bundleId, orderId };
}
