import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { placements } from './table.js';
import { transitionOrderPlacements } from './transition-placement.js';

/** Placement states in which the post is (or may be) out: they keep their slot and run their course. */
const outStatuses = ['publishing', 'published', 'completed', 'needs_review'] as const;

/**
 * Cancels an order's placements whose post has not started to go out — scheduled, or claimed by
 * the publish job before its send began (markSendStarted then finds it cancelled and skips) — and
 * frees their slots; the others are left to run. Returns how many were cancelled and how many
 * are out. Caller's transaction in the order's workspace scope.
 */
export async function cancelUnsentPlacements(
  tx: Tx,
  orderId: string,
  at: Date,
): Promise<{ cancelled: number; out: number }> {
  const cancelled = await transitionOrderPlacements(tx, {
    orderId,
    from: ['scheduled', 'publishing'],
    to: 'cancelled',
    at,
    unsent: true,
  });
  await releaseOrderSlots(
    tx,
    orderId,
    at,
    cancelled.map((p) => p.slotId),
  );
  const out = await tx
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.orderId, orderId), inArray(placements.status, [...outStatuses])));
  return { cancelled: cancelled.length, out: out.length };
}
