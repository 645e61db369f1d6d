import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog } from '../audit/table.js';
import type { DbOrTx } from '../db.js';
import { orderItems } from '../orders/table.js';
import { payments } from '../payments/table.js';
import { placements } from '../placements/table.js';

/** Placement states that end a placement's part in its order. */
export const donePlacementStatuses = ['completed', 'failed', 'cancelled'] as const;

/** Every placement of an order with its item's price (the weight of its share of the payment). */
export async function orderPlacements(tx: DbOrTx, orderId: string) {
  return tx
    .select({
      id: placements.id,
      channelId: placements.channelId,
      status: placements.status,
      format: placements.format,
      publishedAt: placements.publishedAt,
      delaySeconds: placements.delaySeconds,
      topUntil: placements.topUntil,
      pinUntil: placements.pinUntil,
      deleteAt: placements.deleteAt,
      violations: placements.violations,
      clicks: placements.clicks,
      chatId: placements.chatId,
      messageIds: placements.messageIds,
      price: orderItems.price,
    })
    .from(placements)
    .innerJoin(
      orderItems,
      and(eq(orderItems.orderId, placements.orderId), eq(orderItems.slotId, placements.slotId)),
    )
    .where(eq(placements.orderId, orderId))
    .orderBy(placements.dueAt, placements.id);
}

/**
 * The payment holding the order's money in escrow (any provider) and what is still in escrow: a part
 * refunded before settlement (refunded_amount) was already reversed out of escrow, so only the rest is split.
 */
export async function escrowedPayment(tx: DbOrTx, orderId: string) {
  const [row] = await tx
    .select({
      id: payments.id,
      provider: payments.provider,
      amount: sql<string>`(${payments.amount} - ${payments.refundedAmount})::text`,
      currency: payments.currency,
    })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.purpose, 'order'),
        inArray(payments.status, ['succeeded', 'partially_refunded']),
      ),
    )
    // The payment that paid the order, never a late orphan (refunded on its own) that may still hold money.
    .orderBy(sql`coalesce((${payments.details}->>'orphan')::boolean, false)`, payments.createdAt)
    .limit(1);
  return row ? { ...row, amount: Number(row.amount) } : undefined;
}

/** Placements whose reputation was already counted (one audit row `placement.settled` each). */
export async function countedPlacements(tx: DbOrTx, placementIds: string[]): Promise<Set<string>> {
  if (placementIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: auditLog.objectId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.objectType, 'placement'),
        eq(auditLog.action, 'placement.settled'),
        inArray(auditLog.objectId, placementIds),
      ),
    );
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}
