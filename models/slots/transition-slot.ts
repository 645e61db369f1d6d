import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { ok, type Result } from '../errors.js';
import { checkedSources, decideMove } from '../state-machine.js';
import { slots, type SlotStatus } from './table.js';
import { slotTransitions } from './transitions.js';

/** What a move may set besides the status. */
export type SlotSet = Partial<
  Pick<typeof slots.$inferInsert, 'holdExpiresAt' | 'orderId' | 'format'>
>;

/** A free slot belongs to no order, hold or format. */
function cleared(to: SlotStatus): SlotSet {
  return to === 'free' ? { orderId: null, holdExpiresAt: null, format: null } : {};
}

/**
 * The only way one slot changes status: locks the row, checks it is in one of `from` and that the
 * state machine allows `to`, updates it with `set` (caller's transaction). No audit row: slots
 * move too often; the use-case audits what a person did (slot.blocked, slot.unblocked).
 */
export async function transitionSlot(
  tx: Tx,
  input: { slotId: string; from: SlotStatus[]; to: SlotStatus; at: Date; set?: SlotSet },
): Promise<Result<{ id: string; from: SlotStatus }, 'not_found' | 'illegal_transition'>> {
  const [row] = await tx
    .select({ status: slots.status })
    .from(slots)
    .where(eq(slots.id, input.slotId))
    .for('update');
  const move = decideMove(slotTransitions, row?.status, input);
  if (!move.ok) return move;
  await tx
    .update(slots)
    .set({ ...input.set, ...cleared(input.to), status: input.to, updatedAt: input.at })
    .where(eq(slots.id, input.slotId));
  return ok({ id: input.slotId, from: move.value });
}

/**
 * Set-based: moves an order's slots that are in one of `from` (only `slotIds` when given) to `to`,
 * each `from → to` checked against the machine (IllegalTransitionError otherwise). Returns the ids.
 */
export async function transitionOrderSlots(
  tx: Tx,
  input: {
    orderId: string;
    from: SlotStatus[];
    to: SlotStatus;
    at: Date;
    slotIds?: string[];
    set?: SlotSet;
  },
): Promise<string[]> {
  const from = checkedSources('slots', slotTransitions, input);
  if (input.slotIds?.length === 0) return [];
  const moved = await tx
    .update(slots)
    .set({ ...input.set, ...cleared(input.to), status: input.to, updatedAt: input.at })
    .where(
      and(
        eq(slots.orderId, input.orderId),
        inArray(slots.status, from),
        input.slotIds ? inArray(slots.id, input.slotIds) : undefined,
      ),
    )
    .returning({ id: slots.id });
  return moved.map((s) => s.id);
}

/**
 * The same set-based move as one SQL statement to embed in a larger one (regeneration's CTEs):
 * `update slots … where id in (ids) and status in (from) returning id`.
 */
export function transitionSlotsSql(input: {
  ids: SQL;
  from: SlotStatus[];
  to: SlotStatus;
  at: Date;
}): SQL {
  const from = checkedSources('slots', slotTransitions, input);
  const clear =
    input.to === 'free' ? sql`, order_id = null, hold_expires_at = null, format = null` : sql``;
  return sql`update slots set status = ${input.to}${clear},
      updated_at = ${input.at.toISOString()}::timestamptz
    where id in (${input.ids}) and status in (${sql.join(
      from.map((s) => sql`${s}`),
      sql`, `,
    )})
    returning id`;
}
