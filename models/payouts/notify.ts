import { adminCardRenderJob, mergeAdminCardData, openAdminCard } from '../admin/cards.js';
import type { Tx } from '../db.js';
import { appendEvent } from '../outbox/events.js';
import { enqueueJobInTx } from '../placements/create-placements.js';
import type { PayoutRow } from './queries.js';
import { maskDetails } from './rules.js';

/**
 * Keeps a payout card open but redraws it (after approval it shows who approved and «Mark paid»):
 * merges `data` into the card and queues its render job in the same app_system transaction.
 */
export async function refreshPayoutCard(
  tx: Tx,
  payoutId: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const { cardId, created } = await openAdminCard(tx, { kind: 'payout', objectId: payoutId, at });
  await mergeAdminCardData(tx, cardId, data, at);
  if (!created) await enqueueJobInTx(tx, adminCardRenderJob, { cardId }, new Date(0));
}

/**
 * Appends `payout.decided` (the owner is told: amount and fee 0 in the payout's currency, the
 * method, the masked destination, the reason of a rejection), in the deciding transaction.
 */
export async function tellOwner(
  tx: Tx,
  p: PayoutRow,
  outcome: 'approved' | 'rejected' | 'paid',
  at: Date,
  reason?: string,
): Promise<void> {
  await appendEvent(
    tx,
    {
      type: 'payout.decided',
      workspaceId: p.workspaceId,
      payoutId: p.id,
      outcome,
      requestedByAccountId: p.requestedByAccountId,
      amount: p.amount,
      currency: p.currency,
      method: p.method ?? 'other',
      destination: maskDetails(p.details),
      reason: reason ?? null,
    },
    at,
  );
}
