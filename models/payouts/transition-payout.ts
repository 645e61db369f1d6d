import { eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { ok, type Result } from '../errors.js';
import { decideMove } from '../state-machine.js';
import { payouts, type PayoutStatus } from './table.js';
import { payoutTransitions } from './transitions.js';

/** What a move may set besides the status. */
export type PayoutSet = Partial<
  Pick<
    typeof payouts.$inferInsert,
    'reason' | 'decidedByTelegramId' | 'decidedAt' | 'paidAt' | 'postingId'
  >
>;

/**
 * The only way a payout changes status: locks the row, checks it is in one of `from` and that the
 * state machine allows `to`, updates it with `set` (caller's transaction). The decision's audit
 * row and ledger posting are the caller's (decide-payout.ts).
 */
export async function transitionPayout(
  tx: Tx,
  input: { payoutId: string; from: PayoutStatus[]; to: PayoutStatus; set?: PayoutSet },
): Promise<Result<{ id: string; from: PayoutStatus }, 'not_found' | 'illegal_transition'>> {
  const [row] = await tx
    .select({ status: payouts.status })
    .from(payouts)
    .where(eq(payouts.id, input.payoutId))
    .for('update');
  const move = decideMove(payoutTransitions, row?.status, input);
  if (!move.ok) return move;
  await tx
    .update(payouts)
    .set({ ...input.set, status: input.to })
    .where(eq(payouts.id, input.payoutId));
  return ok({ id: input.payoutId, from: move.value });
}
