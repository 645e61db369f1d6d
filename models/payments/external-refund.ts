import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db.js';
import { lockOrder } from '../orders/queries.js';
import { orders, type OrderStatus } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { cancelUnsentPlacements } from '../placements/cancel-unsent.js';
import { placements } from '../placements/table.js';
import { cancelOrderForAdmin } from './cancel-order-for-admin.js';
import type { HeldPayment } from './queries.js';
import { markOrderRefunded } from './record-refund.js';
import { appendEvent } from '../outbox/events.js';

/**
 * What a refund made outside the app (the provider's dashboard or cabinet) did to its order:
 * `cancelled` — nothing was out yet: the order is cancelled and refunded, its slots freed;
 * `stopped` — some posts were out: the rest is cancelled, the order refunded, the owner unpaid;
 * `settled` — after settlement: the owner's and platform's shares give the amount back;
 * `partial` — a part before settlement: the order runs on, settlement splits what is left;
 * `closed` — the order had ended already (cancelled, rejected, failed…): nothing more to do.
 */
export type ExternalRefundOutcome = 'cancelled' | 'stopped' | 'settled' | 'partial' | 'closed';

/** Nothing published yet: the order can be cancelled as an admin cancel does it. */
const undelivered: OrderStatus[] = ['paid', 'in_review', 'scheduled'];
/** Posts are (or may be) out and the order is not settled. */
const running: OrderStatus[] = ['publishing', 'published', 'disputed'];

/** The orders' status reason and the cancellation's audit reason. */
const reason = 'provider_refund';

/** Who is told what, per outcome (the payer's refund receipt is queued by recordRefund). */
export interface ExternalRefundInput {
  /** The payment as it was before this refund was recorded. */
  held: HeldPayment;
  /** Recorded now (minor units of the payment's currency). */
  amount: number;
  /** Nothing of the payment is left to refund after it. */
  full: boolean;
  actor: string;
  at: Date;
}

/**
 * After a refund made outside the app was recorded (recordRefund, same transaction): a full one
 * cancels what is not out yet — an undelivered order through cancelOrderForAdmin (slots freed,
 * placements cancelled) and then refunded; a running one has its unsent placements cancelled and
 * goes to refunded, so the owner is not paid for it — while a settled order keeps its status (the
 * after-settlement reversal already took the amount back) and a partial one runs on. Audited;
 * advertiser and owners told in the same transaction.
 */
export async function applyExternalRefund(
  tx: Tx,
  input: ExternalRefundInput,
): Promise<ExternalRefundOutcome> {
  const { held, full, actor, at } = input;
  // Placements before the order, in the order the publish job's claim locks them.
  await tx
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.orderId, held.orderId))
    .for('update');
  const order = await lockOrder(tx, held.orderId);
  if (!order) return 'closed';
  const outcome = await applyToOrder(tx, input, order);
  await recordAudit(tx, {
    actor,
    action: 'order.refunded_outside',
    objectType: 'order',
    objectId: held.orderId,
    data: { from: order.status, outcome, amount: input.amount, currency: held.currency, full },
    at,
    workspaceId: held.workspaceId,
  });
  await tellSides(tx, input, order.advertiserAccountId, outcome);
  return outcome;
}

async function applyToOrder(
  tx: Tx,
  input: ExternalRefundInput,
  order: { status: OrderStatus; total: number },
): Promise<ExternalRefundOutcome> {
  const { held, full, actor, at } = input;
  const { orderId } = held;
  if (full && undelivered.includes(order.status)) {
    await cancelOrderForAdmin(tx, { orderId, actor, reason, at });
    await markOrderRefunded(tx, held, actor, at);
    return 'cancelled';
  }
  if (full && running.includes(order.status)) {
    const { out } = await cancelUnsentPlacements(tx, orderId, at);
    await transitionOrder(tx, {
      orderId,
      from: running,
      to: 'refunded',
      actor,
      reason,
      at,
      set: { refundedAmount: order.total, statusReason: reason },
    });
    if (held.settlement) return 'settled';
    return out > 0 ? 'stopped' : 'cancelled';
  }
  if (held.settlement) {
    const share = full ? order.total : Math.round((order.total * input.amount) / held.amount);
    await tx
      .update(orders)
      .set({ refundedAmount: sql`least(${orders.total}, ${orders.refundedAmount} + ${share})` })
      .where(eq(orders.id, orderId));
    return 'settled';
  }
  if (!full && [...undelivered, ...running].includes(order.status)) return 'partial';
  if (full) await markOrderRefunded(tx, held, actor, at);
  return 'closed';
}

async function tellSides(
  tx: Tx,
  input: ExternalRefundInput,
  advertiserAccountId: string,
  outcome: ExternalRefundOutcome,
): Promise<void> {
  const { held } = input;
  await appendEvent(
    tx,
    {
      type: 'payment.refunded_outside',
      workspaceId: held.workspaceId,
      orderId: held.orderId,
      advertiserAccountId,
      outcome,
      amount: input.amount,
      currency: held.currency,
      provider: held.provider,
    },
    input.at,
  );
}
