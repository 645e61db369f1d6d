import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { markOrderSlotsBooked } from '../orders/release-order-slots.js';
import { transitionOrder } from '../orders/transition-order.js';
import { postPaymentToEscrow } from '../payments/escrow.js';
import { payments } from '../payments/table.js';
import { routePaidOrder } from '../review/route-paid-order.js';
import { parseInvoicePayload } from './payload.js';
import { advertiserOrder } from './queries.js';

export interface StarsPaymentInput {
  accountId: string;
  payload: string;
  chargeId: string;
  amount: number;
  currency: string;
}

/**
 * What happened: 'paid' (credited; routed to review or scheduled), 'duplicate' (this charge was
 * already recorded: nothing changed), 'orphan' (credited to escrow, but the order can no longer
 * take it — it must be refunded at once).
 */
export type StarsPaymentOutcome =
  | {
      kind: 'paid';
      orderId: string;
      workspaceId: string;
      status: 'in_review' | 'scheduled';
      reviewDeadlineAt: Date | null;
    }
  | { kind: 'duplicate'; orderId: string; workspaceId: string }
  | { kind: 'orphan'; orderId: string; workspaceId: string };

async function credit(
  tx: Tx,
  input: StarsPaymentInput,
  ref: { orderId: string; workspaceId: string },
  at: Date,
  actor: string,
) {
  await recordAudit(tx, {
    actor,
    action: 'payment.received',
    objectType: 'order',
    objectId: ref.orderId,
    data: { provider: 'stars', amount: input.amount, currency: 'XTR', chargeId: input.chargeId },
    at,
    workspaceId: ref.workspaceId,
  });
  await postPaymentToEscrow(tx, {
    provider: 'stars',
    amount: input.amount,
    currency: 'XTR',
    workspaceId: ref.workspaceId,
    orderId: ref.orderId,
    chargeId: input.chargeId,
    at,
  });
}

/**
 * Records a successful_payment exactly once per telegram_payment_charge_id (payments are unique
 * on (provider, provider_payment_id)): payment succeeded, escrow posting, order paid, slots
 * booked, then review routing — all in one transaction. Unknown payloads are 'unknown_order'
 * (nothing recorded; the edge refunds the charge directly).
 */
export async function recordStarsPayment(
  database: Database,
  input: StarsPaymentInput,
  clock: Clock,
): Promise<Result<StarsPaymentOutcome, 'unknown_order'>> {
  const parsed = parseInvoicePayload(input.payload);
  if (!parsed || input.currency !== 'XTR' || input.amount <= 0) return fail('unknown_order');
  const { accountId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, parsed.orderId),
  );
  if (!ref) return fail('unknown_order');
  const ids = { orderId: ref.id, workspaceId: ref.workspaceId };
  return database.withScope({ workspaceId: ref.workspaceId, accountId }, async (tx) => {
    const at = clock.now();
    const actor = `account:${accountId}`;
    const seen = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.provider, 'stars'), eq(payments.providerPaymentId, input.chargeId)));
    if (seen.length > 0) return ok({ kind: 'duplicate', ...ids });
    const moved = await transitionOrder(tx, {
      orderId: ref.id,
      from: ['awaiting_payment'],
      to: 'paid',
      actor,
      at,
      set: { paidAt: at, holdExpiresAt: null },
    });
    const succeeded = {
      providerPaymentId: input.chargeId,
      status: 'succeeded' as const,
      amount: input.amount,
      paidAt: at,
      updatedAt: at,
    };
    if (moved.ok) {
      const updated = await tx
        .update(payments)
        .set(succeeded)
        .where(and(eq(payments.orderId, ref.id), eq(payments.status, 'pending')))
        .returning({ id: payments.id });
      if (updated.length === 0) throw new Error(`order ${ref.id} paid without a pending payment`);
      await credit(tx, input, ids, at, actor);
      await markOrderSlotsBooked(tx, ref.id);
      const route = await routePaidOrder(
        tx,
        { id: ref.id, advertiserAccountId: accountId },
        actor,
        at,
      );
      return ok({ kind: 'paid', ...ids, ...route });
    }
    const inserted = await tx
      .insert(payments)
      .values({
        ...succeeded,
        workspaceId: ref.workspaceId,
        accountId,
        purpose: 'order',
        orderId: ref.id,
        provider: 'stars',
        currency: 'XTR',
        details: { payload: input.payload, orphan: true },
        createdAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: payments.id });
    if (inserted.length === 0) return ok({ kind: 'duplicate', ...ids });
    await credit(tx, input, ids, at, actor);
    return ok({ kind: 'orphan', ...ids });
  });
}
