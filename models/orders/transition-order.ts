import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orders, type OrderStatus } from './table.js';
import { isLegalTransition } from './transitions.js';

export interface TransitionSet {
  holdExpiresAt: Date | null;
  reviewDeadlineAt: Date | null;
  paidAt: Date;
  reviewedAt: Date;
  scheduledAt: Date;
  cancelledAt: Date;
  statusReason: string | null;
  refundedAmount: number;
}

export interface TransitionInput {
  orderId: string;
  /** States the caller expects the order to be in; anything else is 'illegal_transition'. */
  from: OrderStatus[];
  to: OrderStatus;
  /** 'account:<uuid>', 'system:<job>'… */
  actor: string;
  reason?: string;
  at: Date;
  set?: Partial<TransitionSet>;
}

export interface TransitionedOrder {
  id: string;
  status: OrderStatus;
  /** The status it was moved from. */
  from: OrderStatus;
  workspaceId: string;
  advertiserAccountId: string;
}

/**
 * The only way an order changes status: locks the row, checks it is in one of `from` and that the
 * state machine allows `to`, updates it with `set`, and appends an audit row (caller's transaction).
 */
export async function transitionOrder(
  tx: Tx,
  input: TransitionInput,
): Promise<Result<TransitionedOrder, 'not_found' | 'illegal_transition'>> {
  const [row] = await tx
    .select({
      id: orders.id,
      status: orders.status,
      workspaceId: orders.workspaceId,
      advertiserAccountId: orders.advertiserAccountId,
    })
    .from(orders)
    .where(eq(orders.id, input.orderId))
    .for('update')
    .limit(1);
  if (!row) return fail('not_found');
  if (!input.from.includes(row.status) || !isLegalTransition(row.status, input.to)) {
    return fail('illegal_transition', { status: row.status, to: input.to });
  }
  await tx
    .update(orders)
    .set({ ...input.set, status: input.to, updatedAt: input.at })
    .where(eq(orders.id, row.id));
  await recordAudit(tx, {
    actor: input.actor,
    action: `order.${input.to}`,
    objectType: 'order',
    objectId: row.id,
    data: { from: row.status, to: input.to, ...(input.reason ? { reason: input.reason } : {}) },
    at: input.at,
    workspaceId: row.workspaceId,
  });
  return ok({ ...row, status: input.to, from: row.status });
}
