import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orders } from '../orders/table.js';
import { payments } from '../payments/table.js';
import { cancelOrderForAdmin } from '../payments/cancel-order-for-admin.js';
import { normalizeBlockReason, type AdminActor } from './block.js';
import { appendEvent } from '../outbox/events.js';

export type ManualRefundCode =
  'not_found' | 'nothing_paid' | 'publishing' | 'running' | 'reason_invalid';

/**
 * First step of an admin's manual full refund (the provider call is the caller's next step, via
 * refundOrderPayment): an order not yet published is cancelled (slots freed); one publishing right
 * now is refused, and so is one live or under dispute and not yet settled (its escrow must be split
 * by settlement or a dispute decision, else the delivered part would go back too); the decision is
 * audited with its reason and the advertiser is told why.
 */
export async function prepareManualRefund(
  database: Database,
  input: { orderId: string; admin: AdminActor; reason: string },
  clock: Clock,
): Promise<Result<{ orderId: string; workspaceId: string; cancelled: boolean }, ManualRefundCode>> {
  const reason = normalizeBlockReason(input.reason);
  if (!reason) return fail('reason_invalid');
  return database.withSystem('admin: manual refund of an order', async (tx) => {
    const at = clock.now();
    const [order] = await tx
      .select({
        id: orders.id,
        status: orders.status,
        workspaceId: orders.workspaceId,
        advertiserAccountId: orders.advertiserAccountId,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail('not_found');
    const held = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.orderId, order.id),
          inArray(payments.status, ['succeeded', 'partially_refunded']),
        ),
      );
    if (held.length === 0) return fail('nothing_paid');
    if (order.status === 'publishing') return fail('publishing');
    if (order.status === 'published' || order.status === 'disputed') return fail('running');
    const actor = `admin:${input.admin.telegramId}`;
    const cancelled = await cancelOrderForAdmin(tx, {
      orderId: order.id,
      actor,
      reason: 'admin_refund',
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'order.manual_refund',
      objectType: 'order',
      objectId: order.id,
      data: { reason, admin: input.admin.name, status: order.status, cancelled },
      at,
      workspaceId: order.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'order.refunded_by_admin',
        workspaceId: order.workspaceId,
        orderId: order.id,
        advertiserAccountId: order.advertiserAccountId,
        reason,
      },
      at,
    );
    return ok({ orderId: order.id, workspaceId: order.workspaceId, cancelled });
  });
}
