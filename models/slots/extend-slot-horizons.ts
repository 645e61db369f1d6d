import { and, asc, gt, inArray } from 'drizzle-orm';
import { readChannelSettings } from '../channels/settings.js';
import { channels, type ChannelStatus } from '../channels/table.js';
import type { Database } from '../db.js';
import { regenerateSlotsOf, type RegenerateCounts } from './regenerate-slots.js';

/** Channels whose horizon is kept materialized (blocked channels are left alone). */
export const horizonStatuses: ChannelStatus[] = ['active', 'paused', 'pending_review'];

export interface ExtendSummary extends RegenerateCounts {
  channels: number;
  batches: number;
}

/**
 * The daily cross-tenant pass (one named withSystem path): regenerates every non-blocked channel's
 * slots for its horizon, in batches by id, each batch one transaction of two set-based statements.
 */
export async function extendSlotHorizons(
  database: Database,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<ExtendSummary> {
  const batchSize = options.batchSize ?? 200;
  const summary: ExtendSummary = { channels: 0, batches: 0, created: 0, removed: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const done = await database.withSystem('extend slot horizons', async (tx) => {
      const rows = await tx
        .select({
          id: channels.id,
          workspaceId: channels.workspaceId,
          settings: channels.settings,
          language: channels.language,
        })
        .from(channels)
        .where(and(inArray(channels.status, horizonStatuses), gt(channels.id, after)))
        .orderBy(asc(channels.id))
        .limit(batchSize);
      if (rows.length === 0) return true;
      const counts = await regenerateSlotsOf(
        tx,
        rows.map((r) => ({
          id: r.id,
          workspaceId: r.workspaceId,
          settings: readChannelSettings(r.settings, r.language ?? 'en'),
        })),
        now,
      );
      summary.channels += rows.length;
      summary.batches += 1;
      summary.created += counts.created;
      summary.removed += counts.removed;
      after = rows[rows.length - 1]?.id ?? after;
      return rows.length < batchSize;
    });
    if (done) return summary;
  }
}
