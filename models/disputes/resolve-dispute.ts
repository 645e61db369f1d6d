import { and, eq, isNull } from 'drizzle-orm';
import { decideAdminCard, type AdminActor } from '../admin/cards.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { refundOrderPayment, refundPaymentPart } from '../payments/refund-order.js';
import type { PaymentRefunders } from '../providers/types.js';
import { releaseDisputedOrder } from './release-order.js';
import { disputeFacts, type DisputeFacts } from './queries.js';
import { finishDispute } from './finish-dispute.js';
import { disputes, type DisputeDecision } from './table.js';

export type ResolveDisputeCode =
  | 'not_found'
  | 'already_resolved'
  | 'invalid_amount'
  | 'amount_too_large'
  | 'nothing_to_refund'
  | 'refund_failed'
  | 'not_yet';

export interface ResolveDisputeInput {
  disputeId: string;
  decision: DisputeDecision;
  /** Minor units of the order's currency; partial_refund only. */
  amount?: number;
  note?: string;
  admin: AdminActor;
  refunders: PaymentRefunders;
}

export interface ResolvedDispute extends DisputeFacts {
  decision: DisputeDecision;
  /** Paid back through the provider. */
  refunded: number;
  /** Credited to the advertiser's balance instead (Stars cannot refund part). */
  credited: number;
}

const reason = 'admin: resolve a dispute';

/** Claims an open dispute for one admin's decision (its decision set while still open); false if taken. */
async function claim(database: Database, disputeId: string, decision: DisputeDecision) {
  return database.withSystem(reason, async (tx) => {
    const claimed = await tx
      .update(disputes)
      .set({ decision })
      .where(
        and(eq(disputes.id, disputeId), eq(disputes.status, 'open'), isNull(disputes.decision)),
      )
      .returning({ id: disputes.id });
    return claimed.length > 0;
  });
}

/** Gives the claim back after a failed refund, so an admin can try again. */
function unclaim(database: Database, disputeId: string) {
  return database.withSystem(reason, (tx) =>
    tx
      .update(disputes)
      .set({ decision: null })
      .where(and(eq(disputes.id, disputeId), eq(disputes.status, 'open'))),
  );
}

/**
 * An admin's decision on an open dispute: full refund, partial refund of `amount` (≤ what is still
 * refundable) or no refund. An order that was not settled is first released to settle normally
 * (so a refund after it comes out of the owner's and platform's shares); the refund goes through
 * the payment's provider (refundOrderPayment / refundPaymentPart — a part of a Stars payment is
 * credited to the advertiser's balance). Then the dispute is resolved, the order returns to
 * completed (refunded on a full refund), the card is decided, both parties are told, audited.
 * Two admins at once: one wins, the other gets 'already_resolved'. A refund failure leaves it open.
 * A partial refund waits until the order's placements have ended ('not_yet').
 */
export async function resolveDispute(
  database: Database,
  input: ResolveDisputeInput,
  clock: Clock,
): Promise<Result<ResolvedDispute, ResolveDisputeCode>> {
  const facts = await database.withSystem(reason, (tx) => disputeFacts(tx, input.disputeId));
  if (!facts) return fail('not_found');
  if (facts.status !== 'open') return fail('already_resolved');
  if (input.decision === 'partial_refund') {
    const amount = input.amount ?? 0;
    if (!Number.isSafeInteger(amount) || amount <= 0) return fail('invalid_amount');
    if (amount > facts.refundable) return fail('amount_too_large', { left: facts.refundable });
    // A part comes after the settlement (owner and platform give back their shares): while the
    // ad still runs the order stays disputed (not settled) and only full or no refund is possible.
    if (!facts.settled && !facts.placementsDone) return fail('not_yet');
  }
  if (input.decision !== 'no_refund' && facts.refundable <= 0) return fail('nothing_to_refund');
  if (!(await claim(database, input.disputeId, input.decision))) return fail('already_resolved');
  const actor = `admin:${input.admin.telegramId}`;
  await releaseDisputedOrder(database, { ...facts, decision: input.decision, actor }, clock);
  let refunded = 0;
  let credited = 0;
  if (input.decision !== 'no_refund') {
    const common = {
      workspaceId: facts.workspaceId,
      orderId: facts.orderId,
      actor,
      refunders: input.refunders,
    };
    const result =
      input.decision === 'full_refund'
        ? await refundOrderPayment(database, common, clock)
        : await refundPaymentPart(
            database,
            { ...common, amount: input.amount ?? 0, reason: `dispute ${facts.disputeId}` },
            clock,
          );
    if (!result.ok) {
      await unclaim(database, input.disputeId);
      return fail(
        result.code === 'amount_too_large' ? 'amount_too_large' : result.code,
        result.detail,
      );
    }
    if ('refunded' in result.value) {
      refunded = result.value.refunded;
      credited = result.value.credited;
    } else {
      credited = result.value.credited;
      refunded = result.value.amount - credited;
    }
  }
  const at = clock.now();
  await database.withSystem(reason, async (tx) => {
    await finishDispute(tx, {
      facts,
      decision: input.decision,
      amount: refunded + credited,
      note: input.note,
      admin: input.admin,
      at,
    });
    await decideAdminCard(tx, {
      kind: 'dispute',
      objectId: facts.disputeId,
      decision: input.decision,
      ...(input.note ? { reason: input.note } : {}),
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'dispute.resolved',
      objectType: 'dispute',
      objectId: facts.disputeId,
      data: {
        orderId: facts.orderId,
        decision: input.decision,
        refunded,
        credited,
        currency: facts.currency,
        ...(input.note ? { note: input.note } : {}),
        admin: input.admin.name,
      },
      at,
      workspaceId: facts.workspaceId,
    });
  });
  return ok({ ...facts, decision: input.decision, refunded, credited });
}
