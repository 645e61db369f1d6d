import { decideAdminCard } from '../admin/cards.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { postEntries } from '../ledger/post-entries.js';
import { ownerAccount } from '../ledger/accounts.js';
import { appendPayoutDecided } from './notify.js';
import { availableBalance, lockPayoutBalance, payoutById, type PayoutRow } from './queries.js';
import { manualPayoutAccount, payoutsPendingAccount } from './rules.js';
import type { PayoutStatus } from './table.js';
import { transitionPayout, type PayoutSet } from './transition-payout.js';
import { expectMoved } from '../state-machine.js';

/** The platform admin acting in the admin chat. */
export interface PayoutAdmin {
  telegramId: number;
  name: string;
}

export type DecidePayoutCode = 'not_found' | 'already_decided' | 'insufficient_funds';

const actorOf = (admin: PayoutAdmin) => `admin:${admin.telegramId}`;

/** The two lines moving `amount` between the owner's account and payouts:pending. */
function ownerToPending(p: PayoutRow, sign: 1 | -1) {
  const base = { currency: p.currency, workspaceId: p.workspaceId };
  return [
    { ...base, account: ownerAccount(p.workspaceId), amount: sign * p.amount },
    { ...base, account: payoutsPendingAccount, amount: -sign * p.amount },
  ];
}

/** Moves a payout the caller locked and checked (p.status): its ledger posting rolls back with a refusal. */
async function movePayout(tx: Tx, p: PayoutRow, to: PayoutStatus, set: PayoutSet) {
  const moved = await transitionPayout(tx, { payoutId: p.id, from: [p.status], to, set });
  expectMoved(moved, `payout ${p.id} → ${to}`);
}

async function audit(
  tx: Tx,
  p: PayoutRow,
  admin: PayoutAdmin,
  action: string,
  at: Date,
  data = {},
) {
  await recordAudit(tx, {
    actor: actorOf(admin),
    action,
    objectType: 'payout',
    objectId: p.id,
    data: { amount: p.amount, currency: p.currency, adminName: admin.name, ...data },
    at,
    workspaceId: p.workspaceId,
  });
}

/**
 * Approves a requested payout: re-checks the available balance under the workspace/currency lock
 * (two approvals never overdraw), posts owner:<ws> → payouts:pending and appends
 * `payout.decided` (the admin card is redrawn with «Mark paid», the owner told). Platform path:
 * one named app_system transaction.
 */
export async function approvePayout(
  database: Database,
  input: { payoutId: string; admin: PayoutAdmin },
  clock: Clock,
): Promise<Result<PayoutRow, DecidePayoutCode>> {
  const at = clock.now();
  return database.withSystem('payouts: admin approval', async (tx) => {
    const p = await payoutById(tx, input.payoutId, true);
    if (!p) return fail('not_found');
    if (p.status !== 'requested') return fail('already_decided', { status: p.status });
    await lockPayoutBalance(tx, p.workspaceId, p.currency);
    const available = await availableBalance(tx, p.workspaceId, p.currency);
    if (p.amount > available) return fail('insufficient_funds', { available });
    const postingId = await postEntries(tx, {
      memo: `payout ${p.id}: approved`,
      lines: ownerToPending(p, 1),
      at,
    });
    await movePayout(tx, p, 'approved', {
      decidedByTelegramId: input.admin.telegramId,
      decidedAt: at,
      postingId,
    });
    await audit(tx, p, input.admin, 'payout.approved', at, { postingId, available });
    await appendPayoutDecided(tx, p, { outcome: 'approved', admin: input.admin }, at);
    return ok({
      ...p,
      status: 'approved',
      decidedByTelegramId: input.admin.telegramId,
      decidedAt: at,
    });
  });
}

/**
 * Rejects a requested or approved payout with a reason: an approved one's posting is reversed
 * (payouts:pending → owner), so the money is available again. Closes the card, tells the owner.
 */
export async function rejectPayout(
  database: Database,
  input: { payoutId: string; admin: PayoutAdmin; reason: string },
  clock: Clock,
): Promise<Result<PayoutRow, DecidePayoutCode>> {
  const at = clock.now();
  const reason = input.reason.trim().slice(0, 500);
  return database.withSystem('payouts: admin rejection', async (tx) => {
    const p = await payoutById(tx, input.payoutId, true);
    if (!p) return fail('not_found');
    if (p.status !== 'requested' && p.status !== 'approved')
      return fail('already_decided', { status: p.status });
    if (p.status === 'approved') {
      await postEntries(tx, {
        memo: `payout ${p.id}: rejected after approval`,
        lines: ownerToPending(p, -1),
        at,
      });
    }
    await movePayout(tx, p, 'rejected', {
      reason,
      decidedByTelegramId: input.admin.telegramId,
      decidedAt: at,
    });
    await audit(tx, p, input.admin, 'payout.rejected', at, { reason, wasApproved: p.status });
    await decideAdminCard(tx, {
      kind: 'payout',
      objectId: p.id,
      decision: 'rejected',
      reason,
      admin: input.admin,
      at,
    });
    await appendPayoutDecided(tx, p, { outcome: 'rejected', admin: input.admin, reason }, at);
    return ok({ ...p, status: 'rejected', reason, decidedAt: at });
  });
}

/**
 * Marks an approved payout as sent by hand: posts payouts:pending → provider:manual (the money has
 * left the platform), closes the card and sends the owner a receipt (amount, fee 0, method, masked
 * destination, date).
 */
export async function markPayoutPaid(
  database: Database,
  input: { payoutId: string; admin: PayoutAdmin },
  clock: Clock,
): Promise<Result<PayoutRow, DecidePayoutCode>> {
  const at = clock.now();
  return database.withSystem('payouts: marked paid by an admin', async (tx) => {
    const p = await payoutById(tx, input.payoutId, true);
    if (!p) return fail('not_found');
    if (p.status !== 'approved') return fail('already_decided', { status: p.status });
    const base = { currency: p.currency, workspaceId: p.workspaceId };
    const postingId = await postEntries(tx, {
      memo: `payout ${p.id}: paid (manual transfer)`,
      lines: [
        { ...base, account: payoutsPendingAccount, amount: p.amount },
        { ...base, account: manualPayoutAccount, amount: -p.amount },
      ],
      at,
    });
    await movePayout(tx, p, 'paid', { paidAt: at });
    await audit(tx, p, input.admin, 'payout.paid', at, { postingId });
    await decideAdminCard(tx, {
      kind: 'payout',
      objectId: p.id,
      decision: 'paid',
      admin: input.admin,
      at,
    });
    await appendPayoutDecided(tx, p, { outcome: 'paid', admin: input.admin }, at);
    return ok({ ...p, status: 'paid', paidAt: at });
  });
}
