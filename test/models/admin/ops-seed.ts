import { randomUUID } from 'node:crypto';
import type { Database } from '../../../models/db.js';
import { postPaymentToEscrow } from '../../../models/payments/escrow.js';
import type { OrderStatus } from '../../../models/orders/table.js';
import { orderItems, orders, payments, slots } from '../../../models/schema.js';
import { eq } from 'drizzle-orm';

export interface SeededOpsOrder {
  orderId: string;
  paymentId?: string;
  chargeId?: string;
}

const paidStatuses: OrderStatus[] = [
  'in_review',
  'scheduled',
  'publishing',
  'published',
  'completed',
];

/**
 * An order on one slot of a seeded channel in `status` (held ones hold the slot; paid ones book
 * it and carry a succeeded Stars payment credited to escrow), written through the system path.
 */
export async function seedOpsOrder(
  database: Database,
  input: {
    workspaceId: string;
    channelId: string;
    slotId: string;
    advertiserAccountId: string;
    status: OrderStatus;
    at: Date;
    total?: number;
    currency?: 'RUB' | 'USD';
    stars?: number;
  },
): Promise<SeededOpsOrder> {
  const paid = paidStatuses.includes(input.status);
  const total = input.total ?? 100_000;
  return database.withSystem('test seed: ops order', async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({
        workspaceId: input.workspaceId,
        advertiserAccountId: input.advertiserAccountId,
        bundleId: randomUUID(),
        status: input.status,
        currency: input.currency ?? 'RUB',
        subtotal: total,
        total,
        holdExpiresAt: paid ? null : new Date(input.at.getTime() + 15 * 60_000),
        paidAt: paid ? input.at : null,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('no order');
    await tx.insert(orderItems).values({
      orderId: order.id,
      workspaceId: input.workspaceId,
      advertiserAccountId: input.advertiserAccountId,
      slotId: input.slotId,
      channelId: input.channelId,
      format: '1/24',
      price: total,
    });
    await tx
      .update(slots)
      .set(
        paid
          ? {
              status: input.status === 'published' ? 'published' : 'booked',
              orderId: order.id,
              format: '1/24',
            }
          : {
              status: 'held',
              orderId: order.id,
              format: '1/24',
              holdExpiresAt: new Date(input.at.getTime() + 15 * 60_000),
            },
      )
      .where(eq(slots.id, input.slotId));
    if (!paid) return { orderId: order.id };
    const chargeId = `charge-${randomUUID()}`;
    const amount = input.stars ?? 770;
    const [payment] = await tx
      .insert(payments)
      .values({
        workspaceId: input.workspaceId,
        accountId: input.advertiserAccountId,
        purpose: 'order',
        orderId: order.id,
        provider: 'stars',
        providerPaymentId: chargeId,
        amount,
        currency: 'XTR',
        status: 'succeeded',
        paidAt: input.at,
      })
      .returning({ id: payments.id });
    await postPaymentToEscrow(tx, {
      provider: 'stars',
      amount,
      currency: 'XTR',
      workspaceId: input.workspaceId,
      orderId: order.id,
      chargeId,
      at: input.at,
    });
    return { orderId: order.id, paymentId: payment!.id, chargeId };
  });
}
