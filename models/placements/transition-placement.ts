import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { checkedSources, decideMove } from '../state-machine.js';
import { placements, type PlacementStatus } from './table.js';
import { placementTransitions } from './transitions.js';

/** What a move may set besides the status. */
export type PlacementSet = Partial<
  Pick<
    typeof placements.$inferInsert,
    | 'chatId'
    | 'variantIndex'
    | 'lastError'
    | 'sendStartedAt'
    | 'failingSince'
    | 'publishedAt'
    | 'delaySeconds'
    | 'messageIds'
    | 'topUntil'
    | 'pinUntil'
    | 'deleteAt'
    | 'violations'
  >
>;

export interface MovedPlacement {
  id: string;
  from: PlacementStatus;
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
}

/**
 * The only way one placement changes status: locks the row, checks it is in one of `from` and that
 * the state machine allows `to`, updates it with `set` (caller's transaction). Audit rows and
 * events are the caller's (placement.published, placement.failed…; docs/publishing.md).
 */
export async function transitionPlacement(
  tx: Tx,
  input: {
    placementId: string;
    from: PlacementStatus[];
    to: PlacementStatus;
    at: Date;
    set?: PlacementSet;
  },
): Promise<Result<MovedPlacement, 'not_found' | 'illegal_transition'>> {
  const [row] = await tx
    .select({
      status: placements.status,
      orderId: placements.orderId,
      workspaceId: placements.workspaceId,
      advertiserAccountId: placements.advertiserAccountId,
    })
    .from(placements)
    .where(eq(placements.id, input.placementId))
    .for('update');
  if (!row) return fail('not_found');
  const move = decideMove(placementTransitions, row.status, input);
  if (!move.ok) return move;
  await tx
    .update(placements)
    .set({ ...input.set, status: input.to, updatedAt: input.at })
    .where(eq(placements.id, input.placementId));
  const { orderId, workspaceId, advertiserAccountId } = row;
  return ok({ id: input.placementId, from: move.value, orderId, workspaceId, advertiserAccountId });
}

/**
 * Set-based: moves an order's placements that are in one of `from` to `to`, each `from → to`
 * checked against the machine (IllegalTransitionError otherwise). `unsent`: a `publishing` one
 * only while its send has not started (send_started_at null). Returns the moved ones' slots.
 */
export async function transitionOrderPlacements(
  tx: Tx,
  input: {
    orderId: string;
    from: PlacementStatus[];
    to: PlacementStatus;
    at: Date;
    unsent?: boolean;
  },
): Promise<{ id: string; slotId: string }[]> {
  const from = checkedSources('placements', placementTransitions, input);
  return tx
    .update(placements)
    .set({ status: input.to, updatedAt: input.at })
    .where(
      and(
        eq(placements.orderId, input.orderId),
        inArray(placements.status, from),
        input.unsent
          ? or(eq(placements.status, 'scheduled'), isNull(placements.sendStartedAt))
          : undefined,
      ),
    )
    .returning({ id: placements.id, slotId: placements.slotId });
}
