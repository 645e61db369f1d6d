import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { events } from '../events/table.js';
import { mergeCounts, sumCounts, type ReactionCounts, type ReactionTally } from './counts.js';

/** The `events.kind` of a reaction-count snapshot of one message of a placement. */
export const reactionsKind = 'reactions';

/** What a `reactions` event keeps in `data` (value = the message's total). */
export interface ReactionSnapshotData {
  counts: ReactionCounts;
  messageId: number;
  /** The Telegram update it came from: with occurred_at, the snapshot's idempotency key. */
  updateId: number;
}

/** One point of a placement's reactions over time: all its messages' latest counts at `at`. */
export interface ReactionPoint extends ReactionTally {
  at: Date;
}

const messageIdOf = sql`(${events.data}->>'messageId')`;
const updateIdOf = sql`(${events.data}->>'updateId')::bigint`;

/** The counts a stored snapshot holds (only non-negative integers; anything else is dropped). */
function readCounts(data: Record<string, unknown>): ReactionCounts {
  const raw = data.counts;
  const counts: ReactionCounts = {};
  if (raw && typeof raw === 'object')
    for (const [key, n] of Object.entries(raw))
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) counts[key] = n;
  return counts;
}

const tally = (counts: ReactionCounts): ReactionTally => ({ total: sumCounts(counts), counts });

/**
 * The latest reaction counts of each placement (its messages' newest snapshots added up, newest by
 * Telegram's date, then update id); placements without a snapshot are absent. Caller's scope.
 */
export async function latestReactions(
  tx: DbOrTx,
  placementIds: readonly string[],
): Promise<Map<string, ReactionTally>> {
  const result = new Map<string, ReactionTally>();
  if (placementIds.length === 0) return result;
  const rows = await tx
    .selectDistinctOn([events.placementId, messageIdOf], {
      placementId: events.placementId,
      data: events.data,
    })
    .from(events)
    .where(and(inArray(events.placementId, [...placementIds]), eq(events.kind, reactionsKind)))
    .orderBy(events.placementId, messageIdOf, desc(events.occurredAt), desc(updateIdOf));
  const perPlacement = new Map<string, ReactionCounts[]>();
  for (const row of rows) {
    if (!row.placementId) continue;
    const parts = perPlacement.get(row.placementId) ?? [];
    parts.push(readCounts(row.data));
    perPlacement.set(row.placementId, parts);
  }
  for (const [id, parts] of perPlacement) result.set(id, tally(mergeCounts(parts)));
  return result;
}

/**
 * A placement's reactions over time, oldest first: one point per recorded snapshot, each the sum
 * of every message's latest counts at that moment (an album's messages are added up). Caller's scope.
 */
export async function reactionHistory(tx: DbOrTx, placementId: string): Promise<ReactionPoint[]> {
  const rows = await tx
    .select({ at: events.occurredAt, data: events.data })
    .from(events)
    .where(and(eq(events.placementId, placementId), eq(events.kind, reactionsKind)))
    .orderBy(asc(events.occurredAt), asc(updateIdOf));
  const current = new Map<string, ReactionCounts>();
  return rows.map(({ at, data }) => {
    current.set(String(data.messageId), readCounts(data));
    return { at, ...tally(mergeCounts(current.values())) };
  });
}
