import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { transitionOrder } from '../orders/transition-order.js';
import { placements } from '../placements/table.js';
import { donePlacementStatuses } from '../settlement/queries.js';
import { settlePlacement } from '../settlement/settle-placement.js';
import type { DisputeFacts } from './queries.js';
import type { DisputeDecision } from './table.js';

/**
 * Before the refund of a decision: a disputed order that was never settled goes back to
 * `published` and, when all its placements are done, is settled now (80/20 of the escrow), so a
 * partial refund after it comes out of the owner's and platform's shares and the rest is settled
 * normally. A full refund of a scheduled order cancels it first (slots freed; unpublished
 * placements are skipped). Steps that no longer apply are no-ops (transitionOrder refuses them).
 */
export async function releaseDisputedOrder(
  database: Database,
  input: DisputeFacts & { decision: DisputeDecision; actor: string },
  clock: Clock,
): Promise<void> {
  const at = clock.now();
  const reason = 'admin: release a disputed order';
  if (input.decision === 'full_refund') {
    if (input.orderStatus !== 'scheduled') return;
    await database.withSystem(reason, async (tx) => {
      const moved = await transitionOrder(tx, {
        orderId: input.orderId,
        from: ['scheduled'],
        to: 'cancelled',
        actor: input.actor,
        reason: 'dispute',
        at,
        set: { cancelledAt: at, statusReason: 'dispute' },
      });
      if (moved.ok) await releaseOrderSlots(tx, input.orderId, at);
    });
    return;
  }
  if (input.orderStatus !== 'disputed' || input.settled) return;
  const rows = await database.withSystem(reason, async (tx) => {
    const moved = await transitionOrder(tx, {
      orderId: input.orderId,
      from: ['disputed'],
      to: 'published',
      actor: input.actor,
      reason: 'dispute_resolved',
      at,
    });
    if (!moved.ok) return [];
    return tx
      .select({ id: placements.id, status: placements.status })
      .from(placements)
      .where(eq(placements.orderId, input.orderId));
  });
  const done = (status: string) => (donePlacementStatuses as readonly string[]).includes(status);
  const last = rows.at(-1);
  if (last && rows.every((row) => done(row.status))) await settlePlacement(database, last.id, at);
}
