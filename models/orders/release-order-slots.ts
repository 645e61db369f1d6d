import type { Tx } from '../db.js';
import { transitionOrderSlots } from '../slots/transition-slot.js';

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
  const freed = await transitionOrderSlots(tx, {
    orderId,
    from: ['held', 'booked'],
    to: 'free',
    at,
    ...(slotIds ? { slotIds } : {}),
  });
  return freed.length;
}

/** Turns an order's held slots into booked ones once it is paid (hold expiry no longer applies). */
export async function markOrderSlotsBooked(tx: Tx, orderId: string, at: Date): Promise<number> {
  const booked = await transitionOrderSlots(tx, {
    orderId,
    from: ['held'],
    to: 'booked',
    at,
    set: { holdExpiresAt: null },
  });
  return booked.length;
}
