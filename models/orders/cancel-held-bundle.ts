import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { ok, type Result } from '../errors.js';
import { releaseOrderSlots } from './release-order-slots.js';
import { orders } from './table.js';
import { transitionOrder } from './transition-order.js';

/**
 * The advertiser abandons a checkout: every unpaid order of the bundle (held or awaiting_payment)
 * is cancelled and its slots freed. Paid orders are left alone (cancelling those refunds: issue 4 Z).
 */
export async function cancelHeldBundle(
  database: Database,
  input: { accountId: string; bundleId: string },
  clock: Clock,
): Promise<Result<{ cancelled: number }, never>> {
  const open = await database.withScope({ accountId: input.accountId }, (tx) =>
    tx
      .select({ id: orders.id, workspaceId: orders.workspaceId })
      .from(orders)
      .where(
        and(
          eq(orders.bundleId, input.bundleId),
          eq(orders.advertiserAccountId, input.accountId),
          inArray(orders.status, ['held', 'awaiting_payment']),
        ),
      ),
  );
  const now = clock.now();
  let cancelled = 0;
  for (const order of open) {
    const done = await database.withScope(
      { workspaceId: order.workspaceId, accountId: input.accountId },
      async (tx) => {
        const moved = await transitionOrder(tx, {
          orderId: order.id,
          from: ['held', 'awaiting_payment'],
          to: 'cancelled',
          actor: `account:${input.accountId}`,
          reason: 'abandoned',
          at: now,
          set: { cancelledAt: now, holdExpiresAt: null, statusReason: 'abandoned' },
        });
        if (moved.ok) await releaseOrderSlots(tx, order.id, now);
        return moved.ok;
      },
    );
    if (done) cancelled += 1;
  }
  return ok({ cancelled });
}
