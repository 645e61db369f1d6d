import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { slots } from '../slots/table.js';

/**
 * Frees an order's held or booked slots (status 'free', no order, hold or format) — only `slotIds`
 * when given (the rest of the order keeps its slots); returns how many.
 */
export async function releaseOrderSlots(
  tx: Tx,
  orderId: string,
  at: Date,
  slotIds?: string[],
): Promise<number> {
  if (slotIds?.length === 0) return 0;
  const freed = await tx
    .update(slots)
    .set({ status: 'free', orderId: null, holdExpiresAt: null, format: null, updatedAt: at })
    .where(
      and(
        eq(slots.orderId, orderId),
        inArray(slots.status, ['held', 'booked']),
        slotIds ? inArray(slots.id, slotIds) : undefined,
      ),
    )
    .returning({ id: slots.id });
  return freed.length;
}

/** Turns an order's held slots into booked ones once it is paid (hold expiry no longer applies). */
export async function markOrderSlotsBooked(tx: Tx, orderId: string): Promise<number> {
  const booked = await tx
    .update(slots)
    .set({ status: 'booked', holdExpiresAt: null })
    .where(and(eq(slots.orderId, orderId), eq(slots.status, 'held')))
    .returning({ id: slots.id });
  return booked.length;
}
