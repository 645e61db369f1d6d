import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { createPlacements } from '../placements/create-placements.js';
import { orders, type OrderStatus } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { orderEventFacts as facts } from '../orders/order-events.js';
import { appendEvent } from '../outbox/events.js';
import { canPerform } from '../workspaces/permissions.js';
import { memberOrderWorkspace } from './member-order.js';

export const reasonMinLength = 3;
export const reasonMaxLength = 500;

export type ReviewDecision = { kind: 'approve' } | { kind: 'reject'; reason: string };
export type DecideReviewCode =
  'not_found' | 'forbidden' | 'already_decided' | 'reason_invalid' | 'deadline_passed';

export interface DecidedReview {
  orderId: string;
  workspaceId: string;
  status: 'scheduled' | 'rejected';
}

/** A rejection reason as stored: trimmed, 3–500 characters; undefined when out of bounds. */
export function normalizeReason(text: string): string | undefined {
  const reason = text.trim();
  return reason.length >= reasonMinLength && reason.length <= reasonMaxLength ? reason : undefined;
}

/**
 * An owner or manager decides an order in review: approve ⇒ scheduled (`order.scheduled`); reject
 * (3–500 char reason) ⇒ rejected and its slots freed (`order.rejected`; the refund follows with
 * refundOrderPayment). Race-safe: the
 * order row is locked; a second decision finds it decided ('already_decided', detail.status).
 * Approving once the review deadline has passed is refused ('deadline_passed') and changes
 * nothing: orders.review-deadline declines and refunds it.
 */
export async function decideReview(
  database: Database,
  input: { accountId: string; orderId: string; decision: ReviewDecision },
  clock: Clock,
): Promise<Result<DecidedReview, DecideReviewCode>> {
  const { accountId, orderId, decision } = input;
  const reason = decision.kind === 'reject' ? normalizeReason(decision.reason) : undefined;
  if (decision.kind === 'reject' && !reason) return fail('reason_invalid');
  const membership = await memberOrderWorkspace(database, accountId, orderId);
  if (!membership) return fail('not_found');
  if (!canPerform(membership.role, 'orders.review')) return fail('forbidden');
  const { workspaceId } = membership;
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    const at = clock.now();
    const to: 'scheduled' | 'rejected' = decision.kind === 'approve' ? 'scheduled' : 'rejected';
    if (to === 'scheduled') {
      const [row] = await tx
        .select({ status: orders.status, deadline: orders.reviewDeadlineAt })
        .from(orders)
        .where(eq(orders.id, orderId))
        .for('update');
      if (row?.status === 'in_review' && row.deadline && row.deadline <= at) {
        return fail('deadline_passed', { deadline: row.deadline.toISOString() });
      }
    }
    const moved = await transitionOrder(tx, {
      orderId,
      from: ['in_review'],
      to,
      actor: `account:${accountId}`,
      ...(reason ? { reason } : {}),
      at,
      set:
        to === 'scheduled'
          ? { reviewedAt: at, scheduledAt: at, reviewDeadlineAt: null }
          : { reviewedAt: at, statusReason: reason ?? null, reviewDeadlineAt: null },
    });
    if (!moved.ok) {
      const status = (moved.detail?.status as OrderStatus | undefined) ?? 'unknown';
      return moved.code === 'not_found' ? fail('not_found') : fail('already_decided', { status });
    }
    if (to === 'rejected') {
      await releaseOrderSlots(tx, orderId, at);
      const rejected = { type: 'order.rejected' as const, reason: reason ?? null };
      await appendEvent(tx, { ...rejected, ...facts(moved.value) }, at);
    } else {
      // Scheduled ⇒ its placements and their publish jobs, in this same transaction.
      await createPlacements(tx, orderId, at);
      await appendEvent(tx, { type: 'order.scheduled', ...facts(moved.value), auto: false }, at);
    }
    return ok({ orderId, workspaceId, status: to });
  });
}
