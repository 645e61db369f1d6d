import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { ok, type Result } from '../errors.js';
import { checkedSources, decideMove } from '../state-machine.js';
import { payments, type PaymentStatus } from './table.js';
import { paymentTransitions } from './transitions.js';

type PaymentColumns = typeof payments.$inferInsert;
type SetColumn = 'providerPaymentId' | 'paidAt' | 'refundedAmount' | 'subscriptionId' | 'amount';

/** What a move may set besides the status; `details` as SQL (a jsonb merge). */
export type PaymentSet = Partial<Pick<PaymentColumns, SetColumn>> & { details?: SQL };

/**
 * The only way one payment changes status: locks the row, checks it is in one of `from` and that
 * the state machine allows `to`, updates it with `set` (caller's transaction). Audit rows are the
 * caller's (payment.cancelled, payment.refunded…; docs/payments.md).
 */
export async function transitionPayment(
  tx: Tx,
  input: {
    paymentId: string;
    from: PaymentStatus[];
    to: PaymentStatus;
    at: Date;
    set?: PaymentSet;
  },
): Promise<Result<{ id: string; from: PaymentStatus }, 'not_found' | 'illegal_transition'>> {
  const [row] = await tx
    .select({ status: payments.status })
    .from(payments)
    .where(eq(payments.id, input.paymentId))
    .for('update');
  const move = decideMove(paymentTransitions, row?.status, input);
  if (!move.ok) return move;
  await tx
    .update(payments)
    .set({ ...input.set, status: input.to, updatedAt: input.at })
    .where(eq(payments.id, input.paymentId));
  return ok({ id: input.paymentId, from: move.value });
}

/**
 * Set-based: moves an order's payments that are in one of `from` (and match `where`, which never
 * names the status) to `to`, each `from → to` checked against the machine
 * (IllegalTransitionError otherwise). Returns the moved ids.
 */
export async function transitionOrderPayments(
  tx: Tx,
  input: { orderId: string; from: PaymentStatus[]; to: PaymentStatus; at: Date; where?: SQL },
): Promise<string[]> {
  const from = checkedSources('payments', paymentTransitions, input);
  const moved = await tx
    .update(payments)
    .set({ status: input.to, updatedAt: input.at })
    .where(and(eq(payments.orderId, input.orderId), inArray(payments.status, from), input.where))
    .returning({ id: payments.id });
  return moved.map((p) => p.id);
}
