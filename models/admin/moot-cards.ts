import { and, asc, eq, lt } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { channels } from '../channels/table.js';
import { disputes } from '../disputes/table.js';
import { updateIntake } from '../intake/table.js';
import { orders } from '../orders/table.js';
import { payouts } from '../payouts/table.js';
import { placements } from '../placements/table.js';
import { closeOpenAdminCard, type AdminActor } from './cards.js';
import { adminCards, type AdminCardKind } from './table.js';

/** Who closes a card whose object no longer waits (shown on the card instead of an admin). */
export const platformActor: AdminActor = { telegramId: 0, name: 'LytSlot' };

/** Cards younger than this are left alone: their object may still be settling in. */
const graceMs = 60_000;
/** Open cards one sweep looks at, oldest first. */
const sweepBatch = 200;

interface ObjectSpec {
  table: PgTable;
  id: PgColumn;
  status: PgColumn;
  waiting: readonly string[];
}

/**
 * Where each kind's object keeps its state, and the states in which it waits for an admin; null
 * for a card that only informs (opened decided, like a reconciled Stars charge): nothing waits.
 */
const objects: Record<AdminCardKind, ObjectSpec | null> = {
  creative: { table: orders, id: orders.id, status: orders.status, waiting: ['paid'] },
  channel: {
    table: channels,
    id: channels.id,
    status: channels.status,
    waiting: ['pending_review'],
  },
  placement: {
    table: placements,
    id: placements.id,
    status: placements.status,
    waiting: ['needs_review'],
  },
  payout: {
    table: payouts,
    id: payouts.id,
    status: payouts.status,
    waiting: ['requested', 'approved'],
  },
  dispute: { table: disputes, id: disputes.id, status: disputes.status, waiting: ['open'] },
  stars_charge: null,
  parked_update: {
    table: updateIntake,
    id: updateIntake.id,
    status: updateIntake.status,
    waiting: ['parked'],
  },
};

/**
 * Closes the object's card if it is open but the object no longer waits for an admin (an order
 * the advertiser cancelled, a channel its owner removed…): decided 'moot' by LytSlot, the reason
 * being the object's state ('gone' when it no longer exists), re-rendered without buttons. Returns
 * whether it closed one (app_system tx).
 */
export async function closeAdminCardIfMoot(
  tx: Tx,
  card: { kind: AdminCardKind; objectId: string },
  at: Date,
): Promise<boolean> {
  const spec = objects[card.kind];
  const { kind, objectId } = card;
  const closing = { kind, objectId, decision: 'moot', admin: platformActor, at };
  if (!spec) return closeOpenAdminCard(tx, closing);
  const [row] = await tx
    .select({ state: spec.status })
    .from(spec.table)
    .where(eq(spec.id, card.objectId));
  const state = row?.state as string | undefined;
  if (state !== undefined && spec.waiting.includes(state)) return false;
  return closeOpenAdminCard(tx, { ...closing, reason: state ?? 'gone' });
}

/** One card, by kind and object (an admin pressed a button on it and the object had moved on). */
export function closeMootAdminCard(
  database: Database,
  card: { kind: AdminCardKind; objectId: string },
  clock: Clock,
): Promise<boolean> {
  return database.withSystem('admin: close a card that no longer applies', (tx) =>
    closeAdminCardIfMoot(tx, card, clock.now()),
  );
}

/** Every open card (oldest first, up to a batch) whose object ended another way: closed. */
export async function closeMootAdminCards(database: Database, clock: Clock): Promise<number> {
  const at = clock.now();
  return database.withSystem('admin: sweep cards that no longer apply', async (tx) => {
    const open = await tx
      .select({ kind: adminCards.kind, objectId: adminCards.objectId })
      .from(adminCards)
      .where(
        and(
          eq(adminCards.status, 'open'),
          lt(adminCards.createdAt, new Date(at.getTime() - graceMs)),
        ),
      )
      .orderBy(asc(adminCards.createdAt))
      .limit(sweepBatch);
    let closed = 0;
    for (const card of open) if (await closeAdminCardIfMoot(tx, card, at)) closed += 1;
    return closed;
  });
}
