import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Tx } from '../db.js';
import { postEntries } from '../ledger/post-entries.js';
import { postRefundAfterSettlement } from '../ledger/refund-after-settlement.js';
import { advertiserAccount } from '../ledger/accounts.js';
import { escrowAccount } from './escrow.js';
import { heldOrderPayment, type HeldPayment } from './queries.js';
import { appendPaymentRefunded } from './receipt.js';
import { payments } from './table.js';
import { transitionPayment } from './transition-payment.js';
import { expectMoved } from '../state-machine.js';
import { appendEvent } from '../outbox/events.js';

/** What is still refundable of a payment: not refunded yet, and not credited by its settlement. */
export function refundableOf(held: HeldPayment): number {
  return Math.max(0, held.amount - held.refundedAmount - (held.settlement?.credited ?? 0));
}

export interface RefundRecord {
  orderId: string;
  /** The payment refunded, when the caller knows it (else the one heldOrderPayment picks). */
  paymentId?: string;
  /** The payment's refunded total this refund brings it to (what the caller saw + its amount). */
  totalAfter: number;
  /** True when the amount stays with us as the advertiser's balance (Stars cannot refund part). */
  credited: boolean;
  refundId: string | undefined;
  /** The provider accepted the refund but has not finished it: kept to be asked about again. */
  pending?: boolean;
  actor: string;
  at: Date;
}

/**
 * Records a refund of an order's payment in the caller's transaction, only for what is not recorded
 * yet (a provider webhook may have recorded it first): payment refunded_amount and status, the
 * ledger reversal out of escrow — or, once the order is settled, out of the owner's and platform's
 * shares (postRefundAfterSettlement) — to the provider or the advertiser's credit, audit and the
 * payer's refund receipt. Returns the amount recorded now (0 = nothing to do).
 */
export async function recordRefund(tx: Tx, input: RefundRecord): Promise<number> {
  const held = await heldOrderPayment(tx, input.orderId, true, input.paymentId);
  if (!held) return 0;
  const amount = Math.min(input.totalAfter - held.refundedAmount, refundableOf(held));
  if (amount <= 0) return 0;
  const to = input.credited ? advertiserAccount(held.accountId) : `provider:${held.provider}`;
  const base = { currency: held.currency, workspaceId: held.workspaceId };
  if (held.settlement) {
    await postRefundAfterSettlement(tx, {
      workspaceId: held.workspaceId,
      orderId: held.orderId,
      amount,
      currency: held.currency,
      provider: held.provider,
      ...(input.credited ? { creditAccount: to } : {}),
      at: input.at,
    });
  } else {
    await postEntries(tx, {
      memo: `order ${held.orderId}: ${held.provider} refund ${held.chargeId}`,
      lines: [
        { ...base, account: escrowAccount, amount },
        { ...base, account: to, amount: -amount },
      ],
      at: input.at,
    });
  }
  const refundedAmount = held.refundedAmount + amount;
  const details = {
    refundCount: held.refundCount + 1,
    ...(input.refundId ? { lastRefundId: input.refundId } : {}),
    ...(input.credited ? { creditedAmount: refundedAmount } : {}),
    ...(input.pending && input.refundId
      ? { pendingRefunds: [...held.pendingRefunds, { id: input.refundId, amount }] }
      : {}),
  };
  const moved = await transitionPayment(tx, {
    paymentId: held.paymentId,
    from: ['succeeded', 'partially_refunded'],
    to: refundedAmount >= held.amount ? 'refunded' : 'partially_refunded',
    at: input.at,
    set: { refundedAmount, details: sql`${payments.details} || ${JSON.stringify(details)}::jsonb` },
  });
  expectMoved(moved, `payment ${held.paymentId} refund`);
  await recordAudit(tx, {
    actor: input.actor,
    action: input.credited ? 'payment.refund_credited' : 'payment.refunded',
    objectType: 'payment',
    objectId: held.paymentId,
    data: {
      orderId: held.orderId,
      provider: held.provider,
      amount,
      currency: held.currency,
      chargeId: held.chargeId,
      ...(input.refundId ? { refundId: input.refundId } : {}),
      afterSettlement: Boolean(held.settlement),
    },
    at: input.at,
    workspaceId: held.workspaceId,
  });
  await appendPaymentRefunded(tx, {
    workspaceId: held.workspaceId,
    accountId: held.accountId,
    orderId: held.orderId,
    paymentId: held.paymentId,
    provider: held.provider,
    amount,
    currency: held.currency,
    credited: input.credited ? amount : 0,
    at: input.at,
  });
  return amount;
}

/**
 * Notes a failed refund attempt on the payment (the refunds job retries full refunds later). The
 * first failure (`payment.refund_pending`) tells the payer the refund is on its way.
 */
export async function recordRefundFailure(tx: Tx, held: HeldPayment, error: string, at: Date) {
  if (held.refundAttempts === 0)
    await appendEvent(
      tx,
      {
        type: 'payment.refund_pending',
        workspaceId: held.workspaceId,
        orderId: held.orderId,
        payerAccountId: held.accountId,
        provider: held.provider,
      },
      at,
    );
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
 * All of the payment is back: an order that ended undelivered becomes refunded (expired keeps its
 * status) — once no other payment of it (an orphan, say) still holds money to give back.
 */
export async function markOrderRefunded(
  tx: Tx,
  held: Pick<HeldPayment, 'orderId' | 'paymentId'>,
  actor: string,
  at: Date,
) {
  const [stillHeld] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, held.orderId),
        ne(payments.id, held.paymentId),
        inArray(payments.status, ['succeeded', 'partially_refunded']),
      ),
    )
    .limit(1);
  if (stillHeld) return;
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
}
