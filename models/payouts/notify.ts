import type { Tx } from '../db.js';
import { appendEvent } from '../outbox/events.js';
import type { PayoutRow } from './queries.js';
import { maskDetails } from './rules.js';

/**
 * Appends `payout.decided` in the deciding transaction: the owner is told (amount and fee 0 in the
 * payout's currency, the method, the masked destination, the reason of a rejection) and an
 * approval redraws the admins' card with who approved.
 */
export async function appendPayoutDecided(
  tx: Tx,
  p: PayoutRow,
  decision: {
    outcome: 'approved' | 'rejected' | 'paid';
    admin: { telegramId: number; name: string };
    reason?: string;
  },
  at: Date,
): Promise<void> {
  await appendEvent(
    tx,
    {
      type: 'payout.decided',
      workspaceId: p.workspaceId,
      payoutId: p.id,
      outcome: decision.outcome,
      requestedByAccountId: p.requestedByAccountId,
      amount: p.amount,
      currency: p.currency,
      method: p.method ?? 'other',
      destination: maskDetails(p.details),
      reason: decision.reason ?? null,
      decidedBy: { telegramId: decision.admin.telegramId, name: decision.admin.name },
    },
    at,
  );
}
