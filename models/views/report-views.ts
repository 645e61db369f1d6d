import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { placements } from '../placements/table.js';
import { membershipsOf } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';

/** The most views a post may be reported with (a sanity bound; the column checks it too). */
export const maxReportedViews = 1_000_000_000;

export type ViewsCode = 'not_found' | 'not_published' | 'out_of_range';

/** A published post of a channel the account may edit, as the views prompt shows it. */
export interface ViewsTarget {
  placementId: string;
  workspaceId: string;
  channelTitle: string;
  /** The channel's time zone (the prompt shows when the post went out in it). */
  timezone: string;
  publishedAt: Date;
  clicks: number;
  reportedViews: number | null;
}

/**
 * The post whose views the account may report: published, in a workspace where the account may
 * edit channels (owner or manager). Each workspace is looked in with its own scope, so row-level
 * security decides what exists: another workspace's post is `not_found`, as is an unknown id.
 */
export async function findViewsTarget(
  database: Database,
  accountId: string,
  placementId: string,
): Promise<Result<ViewsTarget, ViewsCode>> {
  const memberships = await database.withScope({ accountId }, (tx) => membershipsOf(tx, accountId));
  for (const { workspaceId, role } of memberships) {
    if (!canPerform(role, 'channels.edit')) continue;
    const [row] = await database.withScope({ workspaceId, accountId }, (tx) =>
      tx
        .select({
          channelTitle: channels.title,
          timezone: sql<string>`coalesce(${channels.settings}->>'timezone', 'UTC')`,
          publishedAt: placements.publishedAt,
          clicks: placements.clicks,
          reportedViews: placements.reportedViews,
        })
        .from(placements)
        .innerJoin(channels, eq(channels.id, placements.channelId))
        .where(and(eq(placements.id, placementId), eq(placements.workspaceId, workspaceId))),
    );
    if (!row) continue;
    if (!row.publishedAt) return fail('not_published');
    return ok({ ...row, placementId, workspaceId, publishedAt: row.publishedAt });
  }
  return fail('not_found');
}

/**
 * Records the views the channel's owner (or a manager) reads on a published post, with the file
 * id of their screenshot when they sent one; a later report replaces it. Audited
 * (`placement.views_reported`). The advertiser's report shows them and the CTR; nothing else
 * invents views.
 */
export async function reportPlacementViews(
  database: Database,
  input: { accountId: string; placementId: string; views: number; evidence: string | null },
  clock: Clock,
): Promise<Result<{ views: number; clicks: number }, ViewsCode>> {
  const { accountId, placementId, views, evidence } = input;
  if (!Number.isSafeInteger(views) || views < 1 || views > maxReportedViews)
    return fail('out_of_range');
  const target = await findViewsTarget(database, accountId, placementId);
  if (!target.ok) return target;
  const { workspaceId } = target.value;
  const at = clock.now();
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    const [row] = await tx
      .update(placements)
      .set({ reportedViews: views, viewsReportedAt: at, viewsEvidence: evidence, updatedAt: at })
      .where(and(eq(placements.id, placementId), isNotNull(placements.publishedAt)))
      .returning({ clicks: placements.clicks });
    if (!row) return fail('not_found');
    await recordAudit(tx, {
      actor: `account:${accountId}`,
      action: 'placement.views_reported',
      objectType: 'placement',
      objectId: placementId,
      data: { views, evidence: evidence !== null },
      at,
      workspaceId,
    });
    return ok({ views, clicks: row.clicks });
  });
}

/** The owner's screenshot of a post's views, for the post's advertiser (their scope); null without one. */
export async function readViewsEvidence(
  database: Database,
  accountId: string,
  placementId: string,
): Promise<{ fileId: string; views: number } | null> {
  const [row] = await database.withScope({ accountId }, (tx) =>
    tx
      .select({ fileId: placements.viewsEvidence, views: placements.reportedViews })
      .from(placements)
      .where(and(eq(placements.id, placementId), eq(placements.advertiserAccountId, accountId))),
  );
  return row?.fileId && row.views !== null ? { fileId: row.fileId, views: row.views } : null;
}
