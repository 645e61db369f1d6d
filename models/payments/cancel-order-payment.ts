import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { orders, type OrderStatus } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { payments, type PaymentProvider } from './table.js';
import { transitionPayment } from './transition-payment.js';
import { appendEvent } from '../outbox/events.js';

export interface FailedPaymentInput {
  provider: PaymentProvider;
  /** The id stored on the pending row: Stripe checkout session id, YooKassa payment id. */
  providerPaymentId: string;
  /** Why, e.g. 'canceled', 'expired', the provider's cancellation reason. */
  reason: string;
}

export interface FailedPayment {
  /** 'cancelled' now; 'unchanged' when the row was no longer pending (repeat, or already paid). */
  kind: 'cancelled' | 'unchanged';
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  orderStatus: OrderStatus;
}

/** The pending row of a provider payment, across tenants (a webhook or the expiry job knows only its id). */
function findPayment(database: Database, input: FailedPaymentInput) {
  return database.withSystem('payments: locate a failed provider payment', async (tx) => {
    const [row] = await tx
      .select({
        id: payments.id,
        orderId: payments.orderId,
        workspaceId: payments.workspaceId,
        accountId: payments.accountId,
      })
      .from(payments)
      .where(
        and(
          eq(payments.provider, input.provider),
          eq(payments.providerPaymentId, input.providerPaymentId),
          eq(payments.purpose, 'order'),
        ),
      );
    return row;
  });
}

/** With no other pending payment, an awaiting order goes back to held (live hold) or expires (slots freed). */
async function settleOrderAfterFailure(tx: Tx, orderId: string, actor: string, at: Date) {
  const [order] = await tx
    .select({ status: orders.status, holdExpiresAt: orders.holdExpiresAt })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!order || order.status !== 'awaiting_payment') return order?.status;
  const [other] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.status, 'pending')))
    .limit(1);
  if (other) return order.status;
  if (order.holdExpiresAt && order.holdExpiresAt.getTime() > at.getTime()) {
    await transitionOrder(tx, { orderId, from: ['awaiting_payment'], to: 'held', actor, at });
    return 'held';
  }
  const moved = await transitionOrder(tx, {
    orderId,
    from: ['awaiting_payment'],
    to: 'expired',
    actor,
    reason: 'payment_failed',
    at,
    set: { holdExpiresAt: null, statusReason: 'hold_expired' },
  });
  if (moved.ok) await releaseOrderSlots(tx, orderId, at);
  return 'expired';
}

/**
 * The provider says a payment was cancelled or expired: its pending row becomes cancelled, and the
 * order (unless another payment is pending) goes back to held while its hold lives, else expires
 * with its slots freed; the advertiser is told (queued in the same transaction). Idempotent: a
 * repeat changes nothing.
 */
export async function markOrderPaymentFailed(
  database: Database,
  input: FailedPaymentInput,
  clock: Clock,
): Promise<Result<FailedPayment, 'unknown_payment'>> {
  const found = await findPayment(database, input);
  if (!found?.orderId) return fail('unknown_payment');
  const orderId = found.orderId;
  const scope = { workspaceId: found.workspaceId, accountId: found.accountId };
  return database.withScope(scope, async (tx) => {
    const at = clock.now();
    const actor = `provider:${input.provider}`;
    const cancelled = await transitionPayment(tx, {
      paymentId: found.id,
      from: ['pending'],
      to: 'cancelled',
      at,
      set: {
        details: sql`${payments.details} || ${JSON.stringify({
          cancelReason: input.reason.slice(0, 200),
        })}::jsonb`,
      },
    });
    const base = { orderId, workspaceId: found.workspaceId, advertiserAccountId: found.accountId };
    if (!cancelled.ok) {
      const [order] = await tx
        .select({ status: orders.status })
        .from(orders)
        .where(eq(orders.id, orderId));
      return ok({ kind: 'unchanged', ...base, orderStatus: order?.status ?? 'expired' });
    }
    await recordAudit(tx, {
      actor,
      action: 'payment.cancelled',
      objectType: 'payment',
      objectId: found.id,
      data: { orderId, provider: input.provider, reason: input.reason.slice(0, 200) },
      at,
      workspaceId: found.workspaceId,
    });
    const status = await settleOrderAfterFailure(tx, orderId, actor, at);
    if (status === 'held' || status === 'expired')
      await appendEvent(
        tx,
        {
          type: 'payment.cancelled',
          workspaceId: found.workspaceId,
          orderId,
          payerAccountId: found.accountId,
          orderStatus: status,
        },
        at,
      );
    return ok({ kind: 'cancelled', ...base, orderStatus: status ?? 'expired' });
  });
}
