import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { postRefundFromEscrow } from './escrow.js';
import { heldStarsPayment, type HeldPayment } from './queries.js';
import { payments } from './table.js';

/** What the Telegram side answered to refundStarPayment. */
export type StarsRefundOutcome =
  { ok: true } | { ok: false; alreadyRefunded: boolean; error: string };

/** Calls refundStarPayment (the bot edge supplies it; models never talk to Telegram). */
export type StarsRefunder = (
  payerTelegramId: number,
  chargeId: string,
) => Promise<StarsRefundOutcome>;

export interface RefundInput {
  workspaceId: string;
  orderId: string;
  actor: string;
  refund: StarsRefunder;
}

export interface RefundDone {
  orderId: string;
  amount: number;
  payerTelegramId: number;
}

/** Records a refunded payment: status, reversal posting, order → refunded when it may. Idempotent. */
async function completeRefund(
  tx: Tx,
  held: HeldPayment,
  actor: string,
  at: Date,
): Promise<boolean> {
  const updated = await tx
    .update(payments)
    .set({ status: 'refunded', refundedAmount: held.amount, updatedAt: at })
    .where(and(eq(payments.id, held.paymentId), eq(payments.status, 'succeeded')))
    .returning({ id: payments.id });
  if (updated.length === 0) return false;
  await postRefundFromEscrow(tx, {
    provider: 'stars',
    amount: held.amount,
    currency: 'XTR',
    workspaceId: held.workspaceId,
    orderId: held.orderId,
    chargeId: held.chargeId,
    at,
  });
  await recordAudit(tx, {
    actor,
    action: 'payment.refunded',
    objectType: 'payment',
    objectId: held.paymentId,
    data: { orderId: held.orderId, amount: held.amount, currency: 'XTR', chargeId: held.chargeId },
    at,
    workspaceId: held.workspaceId,
  });
  const [order] = await tx
    .select({ total: orders.total })
    .from(orders)
    .where(eq(orders.id, held.orderId));
  await transitionOrder(tx, {
    orderId: held.orderId,
    from: ['rejected', 'cancelled', 'failed'],
    to: 'refunded',
    actor,
    at,
    set: { refundedAmount: order?.total ?? 0 },
  });
  return true;
}

/** Notes a failed refund attempt on the payment (the refunds job retries it later). */
async function recordRefundFailure(tx: Tx, held: HeldPayment, error: string, at: Date) {
  await tx
    .update(payments)
    .set({
      details: sql`${payments.details} || ${JSON.stringify({
        refundAttempts: held.refundAttempts + 1,
        lastRefundError: error.slice(0, 300),
        lastRefundAttemptAt: at.toISOString(),
      })}::jsonb`,
      updatedAt: at,
    })
    .where(eq(payments.id, held.paymentId));
}

/**
 * Gives an order's Stars payment back in full: refundStarPayment through `refund`, then (one
 * transaction) payment refunded, escrow reversal, order refunded. Nothing held ⇒ 'nothing_to_refund'.
 * A Telegram failure is recorded and returns 'refund_failed' — the payment stays 'succeeded' on a
 * finished order, which is exactly what the refunds job retries; never lost, never doubled.
 */
export async function refundOrderPayment(
  database: Database,
  input: RefundInput,
  clock: Clock,
): Promise<Result<RefundDone, 'nothing_to_refund' | 'refund_failed'>> {
  const scope = { workspaceId: input.workspaceId };
  const held = await database.withScope(scope, (tx) => heldStarsPayment(tx, input.orderId));
  if (!held) return fail('nothing_to_refund');
  const outcome = await input.refund(held.payerTelegramId, held.chargeId);
  if (!outcome.ok && !outcome.alreadyRefunded) {
    await database.withScope(scope, (tx) =>
      recordRefundFailure(tx, held, outcome.error, clock.now()),
    );
    return fail('refund_failed', { error: outcome.error });
  }
  const done = await database.withScope(scope, (tx) =>
    completeRefund(tx, held, input.actor, clock.now()),
  );
  if (!done) return fail('nothing_to_refund');
  return ok({ orderId: held.orderId, amount: held.amount, payerTelegramId: held.payerTelegramId });
}
