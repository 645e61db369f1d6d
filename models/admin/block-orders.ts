import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { orderItems, orders } from '../orders/table.js';
import {
  cancelOrderForAdmin,
  paidStatuses,
  unpaidStatuses,
} from '../payments/cancel-order-for-admin.js';
import type { AdminActor } from './block-rules.js';
import { closeOpenAdminCard } from './cards.js';
import { appendEvent } from '../outbox/events.js';

/** An order cancelled because its channel was blocked. */
export interface BlockedOrder {
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  /** A succeeded payment is held for it: the caller refunds it in full (refundOrderPayment). */
  paid: boolean;
}

/**
 * Cancels the channel's future orders (held/awaiting payment ⇒ released; paid/in review/scheduled ⇒
 * cancelled for a refund), frees their slots, voids pending payments and scheduled placements, and
 * tells each advertiser why (caller's app_system transaction; the owner is told by blockChannel).
 * Orders already publishing or published are left to run (and to disputes).
 */
export async function cancelChannelOrders(
  tx: Tx,
  input: {
    channelId: string;
    channelTitle: string;
    reason: string;
    actor: string;
    admin: AdminActor;
    at: Date;
  },
): Promise<BlockedOrder[]> {
  const { at } = input;
  const rows = await tx
    .selectDistinct({
      id: orders.id,
      status: orders.status,
      workspaceId: orders.workspaceId,
      advertiserAccountId: orders.advertiserAccountId,
    })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(
      and(
        eq(orderItems.channelId, input.channelId),
        inArray(orders.status, [...unpaidStatuses, ...paidStatuses]),
      ),
    );
  const cancelled: BlockedOrder[] = [];
  for (const row of rows) {
    const moved = await cancelOrderForAdmin(tx, {
      orderId: row.id,
      actor: input.actor,
      reason: 'channel_blocked',
      at,
    });
    if (!moved) continue;
    // An order that waited for an admin's look at its creative: that card is closed as cancelled.
    if (row.status === 'paid') {
      await closeOpenAdminCard(tx, {
        kind: 'creative',
        objectId: row.id,
        decision: 'cancelled',
        reason: input.reason,
        admin: input.admin,
        at,
      });
    }
    const paid = paidStatuses.includes(row.status);
    cancelled.push({
      orderId: row.id,
      workspaceId: row.workspaceId,
      advertiserAccountId: row.advertiserAccountId,
      paid,
    });
    await appendEvent(
      tx,
      {
        type: 'order.cancelled_by_admin',
        workspaceId: row.workspaceId,
        orderId: row.id,
        advertiserAccountId: row.advertiserAccountId,
        channelTitle: input.channelTitle,
        reason: input.reason,
        paid,
      },
      at,
    );
  }
  return cancelled;
}
