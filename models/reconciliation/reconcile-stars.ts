import { decideAdminCard } from '../admin/cards.js';
import { platformActor } from '../admin/moot-cards.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { recordedStarsCharges } from '../payments/queries.js';
import type { StarsRefunder } from '../payments/refund-order.js';
import {
  settleStarsCharge,
  starsReconcileActor,
  type SettledStarsCharge,
  type UnmatchedStarsCharge,
} from './settle-stars-charge.js';
import {
  readRecentStarsTransactions,
  starsChargeUuid,
  type FetchStarsTransactions,
} from '../payments/stars-transactions.js';
import { appendEvent } from '../outbox/events.js';

export interface ReconcileStarsInput {
  /** getStarTransactions at the edge (newest first). */
  fetchTransactions: FetchStarsTransactions;
  /** refundStarPayment at the edge. */
  refund: StarsRefunder;
}

export interface ReconcileStarsOptions {
  /** How far back transactions are read (default 2 days). */
  lookbackMs?: number;
  /** A charge younger than this is left to its own update (default 5 minutes). */
  graceMs?: number;
  pageSize?: number;
  maxPages?: number;
}

export interface ReconcileStarsReport {
  /** Incoming payments of the window old enough to be judged. */
  checked: number;
  /** Charges that were neither recorded nor refunded, and what was done with each. */
  settled: SettledStarsCharge[];
  /** Refunds Telegram refused this run: the charge is still unmatched, the next run tries again. */
  failed: { chargeId: string; error: string }[];
  /** The page limit was reached before the window's start: older charges were not looked at. */
  truncated: boolean;
}

const minute = 60_000;
const defaults = {
  lookbackMs: 2 * 24 * 60 * minute,
  graceMs: 5 * minute,
  pageSize: 100,
  maxPages: 20,
};

/**
 * Matches the bot's Telegram Star transactions of the last days against our payments: every
 * incoming invoice payment older than the grace period that no `payments` row records (provider
 * stars, same charge id) and no refund transaction gives back is settled as its lost update
 * would have been — recorded, or refunded — with an audit row and an informational admin card.
 * Running it again changes nothing: a settled charge is then recorded or refunded.
 */
export async function reconcileStarsCharges(
  database: Database,
  input: ReconcileStarsInput,
  clock: Clock,
  options: ReconcileStarsOptions = {},
): Promise<ReconcileStarsReport> {
  const o = { ...defaults, ...options };
  const now = clock.now().getTime();
  const since = new Date(now - o.lookbackMs);
  const { transactions, truncated } = await readRecentStarsTransactions(input.fetchTransactions, {
    since,
    pageSize: o.pageSize,
    maxPages: o.maxPages,
  });
  const refunded = new Set(transactions.filter((t) => t.kind === 'refund').map((t) => t.id));
  const due = new Map<string, UnmatchedStarsCharge>();
  for (const t of transactions) {
    const judged = t.at >= since && t.at.getTime() <= now - o.graceMs;
    if (t.kind === 'payment' && t.user && judged) due.set(t.id, { ...t, user: t.user });
  }
  const recorded = await database.withSystem('payments: match Stars charges to payments', (tx) =>
    recordedStarsCharges(tx, [...due.keys()]),
  );
  const unmatched = [...due.values()]
    .filter((t) => !recorded.has(t.id) && !refunded.has(t.id))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const report: ReconcileStarsReport = { checked: due.size, settled: [], failed: [], truncated };
  for (const charge of unmatched) {
    const result = await settleStarsCharge(database, charge, input.refund, clock);
    if (result.kind === 'failed') report.failed.push({ chargeId: charge.id, error: result.error });
    if (result.kind !== 'settled') continue;
    await recordReconciled(database, result.charge, clock.now());
    report.settled.push(result.charge);
  }
  return report;
}

/**
 * The informational admin card (created decided by LytSlot) of one settled charge, its audit row
 * and — for a charge nothing could take — the payer's notice; once per charge, however many runs
 * or processes settle it.
 */
async function recordReconciled(database: Database, charge: SettledStarsCharge, at: Date) {
  const { target } = charge;
  const facts = {
    chargeId: charge.chargeId,
    amount: charge.amount,
    currency: 'XTR',
    paidAt: charge.paidAt.toISOString(),
    payerTelegramId: charge.payer.telegramId,
    payload: charge.payload,
    target: target.kind,
    ...(target.kind === 'order' ? { orderId: target.orderId } : {}),
    ...(target.kind !== 'unknown' ? { workspaceId: target.workspaceId } : {}),
  };
  await database.withSystem('payments: record a reconciled Stars charge', async (tx) => {
    const card = await decideAdminCard(tx, {
      kind: 'stars_charge',
      objectId: starsChargeUuid(charge.chargeId),
      decision: charge.outcome,
      admin: platformActor,
      at,
      data: {
        ...facts,
        payerName: charge.payer.firstName,
        ...(charge.payer.username ? { payerUsername: charge.payer.username } : {}),
      },
    });
    if (!card.ok) return;
    await recordAudit(tx, {
      actor: starsReconcileActor,
      action: 'payment.reconciled',
      objectType: 'stars_charge',
      objectId: charge.chargeId,
      data: { ...facts, outcome: charge.outcome },
      at,
      workspaceId: target.kind === 'unknown' ? null : target.workspaceId,
    });
    // A charge nothing could take: its payer hears why the Stars came back (as at the bot edge).
    if (target.kind === 'unknown')
      await appendEvent(
        tx,
        {
          type: 'payment.unmatched_refunded',
          workspaceId: null,
          payerTelegramId: charge.payer.telegramId,
        },
        at,
      );
  });
}
