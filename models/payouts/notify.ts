import { adminCardRenderJob, mergeAdminCardData, openAdminCard } from '../admin/cards.js';
import type { Tx } from '../db.js';
import { enqueueNotification, type NotificationVars } from '../notifications/enqueue.js';
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
 * Queues the owner's notification about a payout (keys balance-payout-*): amount and fee 0 in the
 * payout's currency, the method code (the locale picks its name) and the masked destination.
 */
export async function tellOwner(
  tx: Tx,
  p: PayoutRow,
  key: string,
  extra: NotificationVars,
): Promise<void> {
  await enqueueNotification((name, data, when) => enqueueJobInTx(tx, name, data, when), {
    accountId: p.requestedByAccountId,
    key,
    vars: {
      amount: p.amount,
      fee: 0,
      currency: p.currency,
      method: p.method ?? 'other',
      destination: maskDetails(p.details),
      ...extra,
    },
  });
}
