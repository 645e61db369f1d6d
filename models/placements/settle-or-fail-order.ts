import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { transitionOrder } from '../orders/transition-order.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { settleJob } from './create-placements.js';
import { placements } from './table.js';
import { transitionOrderPlacements } from './transition-placement.js';

/**
 * What follows a placement that failed (in the caller's transaction, after marking it): other posts
 * of the order already out ⇒ the order stays and `placements.settle` is queued for this one
 * (settlement pays what was delivered, returns this share); none ⇒ the order's waiting placements
 * `cancelled` and the order `failed` (the caller refunds it in full).
 */
export async function settleOrFailOrder(
  tx: Tx,
  input: {
    placementId: string;
    orderId: string;
    actor: string;
    /** The order transition's reason and the order's status_reason. */
    reason: string;
    statusReason: string;
    at: Date;
  },
): Promise<{ orderKept: boolean; orderFailed: boolean }> {
  const { at } = input;
  const delivered = await tx
    .select({ id: placements.id })
    .from(placements)
    .where(
      and(
        eq(placements.orderId, input.orderId),
        ne(placements.id, input.placementId),
        inArray(placements.status, ['publishing', 'published', 'completed', 'needs_review']),
      ),
    );
  if (delivered.length > 0) {
    await enqueueJobInTx(tx, settleJob, { placementId: input.placementId }, at);
    return { orderKept: true, orderFailed: false };
  }
  await transitionOrderPlacements(tx, {
    orderId: input.orderId,
    from: ['scheduled'],
    to: 'cancelled',
    at,
  });
  const moved = await transitionOrder(tx, {
    orderId: input.orderId,
    from: ['publishing', 'published'],
    to: 'failed',
    actor: input.actor,
    reason: input.reason,
    at,
    set: { statusReason: input.statusReason },
  });
  return { orderKept: false, orderFailed: moved.ok };
}
