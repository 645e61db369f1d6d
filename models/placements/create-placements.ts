import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { creatives, orderItems, orders } from '../orders/table.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { slots } from '../slots/table.js';
import { placements } from './table.js';

export const publishJob = 'placements.publish';
/** The job that settles a finished placement (data { placementId }), queued at the end of its lifetime. */
export const settleJob = 'placements.settle';

export interface CreatedPlacement {
  id: string;
  dueAt: Date;
}

/**
 * One placement per order item (due at its slot's start; variant i mod the number of variants),
 * created in the transaction that moves the order to `scheduled`, each with its `placements.publish`
 * job queued in the same transaction. Idempotent per (order, slot): a second call adds nothing.
 * The transaction must see the order's workspace rows (workspace scope or system).
 */
export async function createPlacements(
  tx: Tx,
  orderId: string,
  at: Date,
): Promise<CreatedPlacement[]> {
  const items = await tx
    .select({
      slotId: orderItems.slotId,
      channelId: orderItems.channelId,
      workspaceId: orderItems.workspaceId,
      advertiserAccountId: orderItems.advertiserAccountId,
      format: orderItems.format,
      startsAt: slots.startsAt,
    })
    .from(orderItems)
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(slots.startsAt), asc(orderItems.id));
  if (items.length === 0) return [];
  const variants = await tx
    .select({ index: creatives.variantIndex })
    .from(creatives)
    .where(eq(creatives.orderId, orderId))
    .orderBy(asc(creatives.variantIndex));
  const created = await tx
    .insert(placements)
    .values(
      items.map((item, i) => ({
        orderId,
        slotId: item.slotId,
        channelId: item.channelId,
        workspaceId: item.workspaceId,
        advertiserAccountId: item.advertiserAccountId,
        variantIndex: variants.length ? (variants[i % variants.length]?.index ?? 0) : 0,
        format: item.format,
        dueAt: item.startsAt,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: placements.id, dueAt: placements.dueAt });
  for (const placement of created) {
    await enqueueJobInTx(tx, publishJob, { placementId: placement.id }, placement.dueAt);
  }
  return created;
}
