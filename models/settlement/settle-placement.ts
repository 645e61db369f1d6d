import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { advertiserAccount, ownerAccount, platformFeesAccount } from '../ledger/accounts.js';
import type { LedgerLine } from '../ledger/post-entries.js';
import { postEntries } from '../ledger/post-entries.js';
import type { Currency } from '../orders/table.js';
import { lockOrder } from '../orders/queries.js';
import { orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { escrowAccount } from '../payments/escrow.js';
import { payments } from '../payments/table.js';
import { appendEvent, type DomainEvent } from '../outbox/events.js';
import { placements } from '../placements/table.js';
import { readViolations } from './pro-rata.js';
import {
  countedPlacements,
  donePlacementStatuses,
  escrowedPayment,
  orderPlacements,
} from './queries.js';
import { countReputation, reputationDelta } from './reputation.js';
import { splitSettlement, type SettledPlacement, type Split } from './split.js';

export const settlementActor = 'system:settlement';

export interface OrderRef {
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
}

export type SettleOutcome =
  /** Other placements of the order are still running; this one's reputation is counted. */
  | ({ kind: 'waiting' } & OrderRef)
  /** The order was settled before (idempotent repeat). */
  | ({ kind: 'already_settled' } & OrderRef)
  /** Escrow split and posted; the order is completed. */
  | ({ kind: 'settled'; split: Split; currency: Currency; provider: string } & OrderRef)
  /** Nothing was delivered: the order failed, its payment goes back whole (refundOrderPayment). */
  | ({ kind: 'undelivered'; split: Split; currency: Currency } & OrderRef);

export type SettleCode = 'not_found' | 'not_done' | 'no_payment' | 'illegal_state';

/** The posting of a settlement: escrow released to the owner, the platform fee and the advertiser's credit. */
export function settlementLines(split: Split, ref: OrderRef, currency: Currency): LedgerLine[] {
  const base = { currency, workspaceId: ref.workspaceId };
  const lines: LedgerLine[] = [
    { ...base, account: escrowAccount, amount: split.amount },
    { ...base, account: ownerAccount(ref.workspaceId), amount: -split.owner },
    { ...base, account: platformFeesAccount, amount: -split.fee },
    { ...base, account: advertiserAccount(ref.advertiserAccountId), amount: -split.refund },
  ];
  return lines.filter((l) => l.amount !== 0);
}

async function settleOrder(
  tx: Tx,
  ref: OrderRef & { status: string; total: number },
  rows: Awaited<ReturnType<typeof orderPlacements>>,
  at: Date,
): Promise<Result<Extract<SettleOutcome, { kind: 'settled' | 'undelivered' }>, SettleCode>> {
  const payment = await escrowedPayment(tx, ref.orderId);
  if (!payment) return fail('no_payment');
  const settledRows: SettledPlacement[] = rows.map((r) => ({
    ...r,
    status: r.status as SettledPlacement['status'],
    violations: readViolations(r.violations),
  }));
  const split = splitSettlement(payment.amount, settledRows);
  const order = {
    orderId: ref.orderId,
    workspaceId: ref.workspaceId,
    advertiserAccountId: ref.advertiserAccountId,
  };
  if (split.settled === 0) {
    const moved = await transitionOrder(tx, {
      orderId: ref.orderId,
      from: ['publishing', 'published'],
      to: 'failed',
      actor: settlementActor,
      reason: 'undelivered',
      at,
      set: { statusReason: 'undelivered' },
    });
    if (!moved.ok) return fail('illegal_state', { status: ref.status });
    return ok({ kind: 'undelivered', split, currency: payment.currency, ...order });
  }
  const moved = await transitionOrder(tx, {
    orderId: ref.orderId,
    from: ['published'],
    to: 'completed',
    actor: settlementActor,
    at,
    set: {
      refundedAmount: Math.min(ref.total, Math.round((ref.total * split.refund) / split.amount)),
    },
  });
  if (!moved.ok) return fail('illegal_state', { status: ref.status });
  await tx.update(orders).set({ completedAt: at }).where(eq(orders.id, ref.orderId));
  await postEntries(tx, {
    memo: `order ${ref.orderId}: settlement (${payment.provider} ${payment.id})`,
    lines: settlementLines(split, order, payment.currency),
    at,
  });
  const settlement = {
    owner: split.owner,
    fee: split.fee,
    credited: split.refund,
    at: at.toISOString(),
  };
  await tx
    .update(payments)
    .set({
      details: sql`${payments.details} || ${JSON.stringify({ settlement })}::jsonb`,
      updatedAt: at,
    })
    .where(eq(payments.id, payment.id));
  await recordAudit(tx, {
    actor: settlementActor,
    action: 'order.settled',
    objectType: 'order',
    objectId: ref.orderId,
    data: {
      ...settlement,
      amount: split.amount,
      currency: payment.currency,
      placements: split.placements,
    },
    at,
    workspaceId: ref.workspaceId,
  });
  return ok({
    kind: 'settled',
    split,
    currency: payment.currency,
    provider: payment.provider,
    ...order,
  });
}

/**
 * Settles a finished placement (idempotent): counts its delivery reputation once; when every
 * placement of its order is done, splits the order's escrowed payment — the broken share of each
 * lifetime credited to the advertiser, the rest 80/20 to owner and platform — and completes the
 * order, all in one transaction with the order row locked. Nothing delivered ⇒ order failed.
 */
export async function settlePlacement(
  database: Database,
  placementId: string,
  at: Date,
): Promise<Result<SettleOutcome, SettleCode>> {
  const found = await database.withSystem('settlement: placement tenant', async (tx) => {
    const [row] = await tx
      .select({ workspaceId: placements.workspaceId, orderId: placements.orderId })
      .from(placements)
      .where(eq(placements.id, placementId));
    return row;
  });
  if (!found) return fail('not_found');
  return database.withScope({ workspaceId: found.workspaceId }, async (tx) => {
    const order = await lockOrder(tx, found.orderId);
    if (!order) return fail('not_found');
    const ref = {
      orderId: order.id,
      workspaceId: order.workspaceId,
      advertiserAccountId: order.advertiserAccountId,
    };
    const rows = await orderPlacements(tx, order.id);
    const done = (s: string) => (donePlacementStatuses as readonly string[]).includes(s);
    const mine = rows.find((r) => r.id === placementId);
    if (!mine || !done(mine.status)) return fail('not_done', { status: mine?.status });
    const counted = await countedPlacements(tx, [placementId]);
    const firstCount = !counted.has(placementId);
    if (firstCount) {
      const delta = reputationDelta({ ...mine, violations: readViolations(mine.violations) });
      await countReputation(tx, { ...ref, channelId: mine.channelId, placementId, delta, at });
    }
    if (order.status === 'completed' || order.status === 'failed' || order.status === 'refunded')
      return ok({ kind: 'already_settled', ...ref });
    let outcome: Exclude<SettleOutcome, { kind: 'already_settled' }> = { kind: 'waiting', ...ref };
    if (rows.every((r) => done(r.status))) {
      const settled = await settleOrder(
        tx,
        { ...ref, status: order.status, total: order.total },
        rows,
        at,
      );
      if (!settled.ok) return settled;
      outcome = settled.value;
    }
    if (firstCount || outcome.kind !== 'waiting')
      await appendEvent(tx, settledEvent(placementId, outcome, firstCount), at);
    return ok(outcome);
  });
}

/**
 * `placement.settled`: the placement's report (when first counted) and, once the order is settled,
 * what the owner earned and the advertiser got back, or that nothing was delivered.
 */
function settledEvent(
  placementId: string,
  outcome: Exclude<SettleOutcome, { kind: 'already_settled' }>,
  report: boolean,
): DomainEvent {
  const share =
    'split' in outcome
      ? outcome.split.placements.find((p) => p.placementId === placementId)
      : undefined;
  const base = {
    type: 'placement.settled' as const,
    workspaceId: outcome.workspaceId,
    placementId,
    orderId: outcome.orderId,
    advertiserAccountId: outcome.advertiserAccountId,
    report,
    brokenMs: share?.brokenMs ?? null,
  };
  if (outcome.kind === 'settled') {
    const { owner, fee, refund } = outcome.split;
    return { ...base, order: { kind: 'settled', currency: outcome.currency, owner, fee, refund } };
  }
  if (outcome.kind === 'undelivered') {
    const order = { kind: 'undelivered' as const, currency: outcome.currency };
    return { ...base, order: { ...order, amount: outcome.split.amount } };
  }
  return { ...base, order: null };
}
