import { eq, sql } from 'drizzle-orm';
import type { AdminActor } from '../admin/cards.js';
import type { Tx } from '../db.js';
import { orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { appendEvent } from '../outbox/events.js';
import type { DisputeFacts } from './queries.js';
import { disputes, type DisputeDecision } from './table.js';

export interface FinishInput {
  facts: DisputeFacts;
  decision: DisputeDecision;
  /** Minor units of the payment refunded or credited by this decision. */
  amount: number;
  note: string | undefined;
  admin: AdminActor;
  at: Date;
}

/**
 * Records a decision (app_system tx): dispute resolved with who/when/what; the order back to
 * completed (refunded after a full refund) with its refunded total; both parties notified.
 */
export async function finishDispute(tx: Tx, input: FinishInput): Promise<void> {
  const { facts, decision, at } = input;
  await tx
    .update(disputes)
    .set({
      status: 'resolved',
      decision,
      refundAmount: input.amount,
      currency: facts.currency,
      decisionNote: input.note ?? null,
      decidedByTelegramId: input.admin.telegramId,
      decidedAt: at,
    })
    .where(eq(disputes.id, facts.disputeId));
  const actor = `admin:${input.admin.telegramId}`;
  if (decision === 'full_refund') {
    await transitionOrder(tx, {
      orderId: facts.orderId,
      from: ['disputed'],
      to: 'refunded',
      actor,
      reason: 'dispute',
      at,
      set: { refundedAmount: facts.orderTotal },
    });
  } else {
    await transitionOrder(tx, {
      orderId: facts.orderId,
      from: ['disputed'],
      to: 'completed',
      actor,
      at,
    });
    if (input.amount > 0 && facts.paymentAmount > 0) {
      // The order's refunded total is kept in the order's currency (the payment may be in Stars).
      const share = Math.round((facts.orderTotal * input.amount) / facts.paymentAmount);
      await tx
        .update(orders)
        .set({ refundedAmount: sql`least(${orders.total}, ${orders.refundedAmount} + ${share})` })
        .where(eq(orders.id, facts.orderId));
    }
  }
  await appendEvent(
    tx,
    {
      type: 'dispute.resolved',
      workspaceId: facts.workspaceId,
      disputeId: facts.disputeId,
      orderId: facts.orderId,
      decision,
      amount: input.amount,
      currency: facts.currency,
      note: input.note ?? null,
      advertiserAccountId: facts.advertiserAccountId,
      ownerAccountId: facts.ownerAccountId ?? null,
    },
    at,
  );
}
