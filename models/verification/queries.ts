import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { channels } from '../channels/table.js';
import { placements } from '../placements/table.js';
import { workspaces } from '../workspaces/table.js';
import type { PlacementViolation, ProbeResult } from './violations.js';

/** What the checks need of a placement (and who to tell). */
export interface VerifiedPlacement {
  id: string;
  orderId: string;
  workspaceId: string;
  status: string;
  chatId: number | null;
  messageIds: number[];
  publishedAt: Date | null;
  topUntil: Date | null;
  pinUntil: Date | null;
  deleteAt: Date | null;
  deletedAt: Date | null;
  violations: unknown[];
  probeResults: unknown[];
  advertiserAccountId: string;
  ownerAccountId: string;
  channelTitle: string;
}

const columns = {
  id: placements.id,
  orderId: placements.orderId,
  workspaceId: placements.workspaceId,
  status: placements.status,
  chatId: placements.chatId,
  messageIds: placements.messageIds,
  publishedAt: placements.publishedAt,
  topUntil: placements.topUntil,
  pinUntil: placements.pinUntil,
  deleteAt: placements.deleteAt,
  deletedAt: placements.deletedAt,
  violations: placements.violations,
  probeResults: placements.probeResults,
  advertiserAccountId: placements.advertiserAccountId,
  ownerAccountId: workspaces.ownerAccountId,
  channelTitle: channels.title,
};

function base(tx: Tx) {
  return tx
    .select(columns)
    .from(placements)
    .innerJoin(workspaces, eq(workspaces.id, placements.workspaceId))
    .innerJoin(channels, eq(channels.id, placements.channelId));
}

/** One placement with its deadlines and recipients; `lock` takes the row for update. */
export async function readVerifiedPlacement(
  tx: Tx,
  placementId: string,
  lock = false,
): Promise<VerifiedPlacement | undefined> {
  const query = base(tx).where(eq(placements.id, placementId)).limit(1);
  const rows = lock ? await query.for('update', { of: placements }) : await query;
  return rows[0];
}

/** Published placements of a channel whose top window is still open at `at` (rows locked). */
export async function openTopWindows(
  tx: Tx,
  channelId: string,
  at: Date,
): Promise<VerifiedPlacement[]> {
  return base(tx)
    .where(
      and(
        eq(placements.channelId, channelId),
        eq(placements.status, 'published'),
        sql`${placements.topUntil} > ${at.toISOString()}::timestamptz`,
      ),
    )
    .for('update', { of: placements });
}

/** Appends a check result and/or a violation (and marks the post gone when it was found deleted). */
export async function appendVerification(
  tx: Tx,
  placementId: string,
  change: { probe?: ProbeResult; violation?: PlacementViolation; goneAt?: Date; at: Date },
): Promise<void> {
  const probe = change.probe ? JSON.stringify([change.probe]) : '[]';
  const violation = change.violation ? JSON.stringify([change.violation]) : '[]';
  await tx
    .update(placements)
    .set({
      probeResults: sql`${placements.probeResults} || ${probe}::jsonb`,
      violations: sql`${placements.violations} || ${violation}::jsonb`,
      ...(change.goneAt ? { deletedAt: change.goneAt } : {}),
      updatedAt: change.at,
    })
    .where(eq(placements.id, placementId));
}
