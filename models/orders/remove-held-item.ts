import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { transitionOrderSlots } from '../slots/transition-slot.js';
import { recomputeOrder } from './queries.js';
import { orderItems, orders } from './table.js';
import { transitionOrder } from './transition-order.js';

/** Drops one item from the advertiser's held order, frees its slot and reprices; an emptied order is cancelled. */
export async function removeHeldItem(
  database: Database,
  input: { accountId: string; itemId: string },
  clock: Clock,
): Promise<Result<{ orderId: string; orderCancelled: boolean }, 'not_found' | 'not_held'>> {
  const [item] = await database.withScope({ accountId: input.accountId }, (tx) =>
    tx
      .select({ orderId: orderItems.orderId, workspaceId: orderItems.workspaceId })
      .from(orderItems)
      .where(
        and(eq(orderItems.id, input.itemId), eq(orderItems.advertiserAccountId, input.accountId)),
      )
      .limit(1),
  );
  if (!item) return fail('not_found');
  const now = clock.now();
  const scope = { workspaceId: item.workspaceId, accountId: input.accountId };
  return database.withScope(scope, async (tx) => {
    const [order] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.id, item.orderId))
      .for('update');
    if (!order) return fail('not_found');
    if (order.status !== 'held') return fail('not_held');
    const [removed] = await tx
      .delete(orderItems)
      .where(eq(orderItems.id, input.itemId))
      .returning({ slotId: orderItems.slotId });
    if (!removed) return fail('not_found');
    await transitionOrderSlots(tx, {
      orderId: item.orderId,
      slotIds: [removed.slotId],
      from: ['held'],
      to: 'free',
      at: now,
    });
    const [left] = await tx
      .select({ id: orderItems.id })
      .from(orderItems)
      .where(eq(orderItems.orderId, item.orderId))
      .limit(1);
    if (!left) {
      await recomputeOrder(tx, item.orderId, now);
      await transitionOrder(tx, {
        orderId: item.orderId,
        from: ['held'],
        to: 'cancelled',
        actor: `account:${input.accountId}`,
        reason: 'emptied',
        at: now,
        set: { cancelledAt: now, statusReason: 'emptied' },
      });
      return ok({ orderId: item.orderId, orderCancelled: true });
    }
    await recomputeOrder(tx, item.orderId, now);
    return ok({ orderId: item.orderId, orderCancelled: false });
  });
}
