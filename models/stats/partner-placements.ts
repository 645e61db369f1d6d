import { asc, eq } from 'drizzle-orm';
import type { ApiKeyOwner } from '../api-keys/key-owner.js';
import { channels } from '../channels/table.js';
import type { Database } from '../db.js';
import { postLink } from '../notifications/audience.js';
import { partnerOrderRef } from '../orders/partner-orders.js';
import type { ReactionTally } from '../reactions/counts.js';
import { latestReactions } from '../reactions/queries.js';
import { noJoins, readJoinStats, type JoinStats } from '../joins/queries.js';
import { countedPlacements } from '../settlement/queries.js';
import { readProbeResults } from '../verification/proof.js';
import {
  readViolations,
  type PlacementViolation,
  type ProbeResult,
} from '../verification/violations.js';
import { placements, type PlacementStatus } from '../placements/table.js';

/** One placement of an order and how its delivery went, as a partner reads it. */
export interface PartnerPlacement {
  id: string;
  channelId: string;
  format: string;
  status: PlacementStatus;
  dueAt: Date;
  publishedAt: Date | null;
  delaySeconds: number | null;
  /** t.me link to the post while it is up. */
  postUrl: string | null;
  topUntil: Date | null;
  pinUntil: Date | null;
  deleteAt: Date | null;
  deletedAt: Date | null;
  violations: Pick<PlacementViolation, 'kind' | 'at' | 'from' | 'until'>[];
  checks: ProbeResult[];
  clicks: number;
  uniqueClicks: number;
  /** The post's latest reaction counts (zero and empty before any were seen). */
  reactions: ReactionTally;
  /** Joins through its invite link (null when the ad promoted no chat where the bot invites). */
  joins: JoinStats | null;
  /** Its part in the order's settlement was counted (audited once per placement). */
  settled: boolean;
}

/**
 * The placements of one of the key owner's orders in due order (undefined when the order is not
 * the owner's), read in the order's workspace scope.
 */
export async function listPartnerPlacements(
  database: Database,
  owner: ApiKeyOwner,
  orderId: string,
  now: Date,
): Promise<PartnerPlacement[] | undefined> {
  const order = await partnerOrderRef(database, owner, orderId);
  if (!order) return undefined;
  return database.withScope(order.scope, async (tx) => {
    const rows = await tx
      .select({
        id: placements.id,
        channelId: placements.channelId,
        format: placements.format,
        status: placements.status,
        dueAt: placements.dueAt,
        publishedAt: placements.publishedAt,
        delaySeconds: placements.delaySeconds,
        messageIds: placements.messageIds,
        topUntil: placements.topUntil,
        pinUntil: placements.pinUntil,
        deleteAt: placements.deleteAt,
        deletedAt: placements.deletedAt,
        violations: placements.violations,
        probeResults: placements.probeResults,
        clicks: placements.clicks,
        uniqueClicks: placements.uniqueClicks,
        inviteLink: placements.inviteLink,
        username: channels.username,
        telegramChatId: channels.telegramChatId,
      })
      .from(placements)
      .innerJoin(channels, eq(channels.id, placements.channelId))
      .where(eq(placements.orderId, order.id))
      .orderBy(asc(placements.dueAt), asc(placements.id));
    const ids = rows.map((r) => r.id);
    const settled = await countedPlacements(tx, ids);
    const reactions = await latestReactions(tx, ids);
    const joins = await readJoinStats(tx, ids, now);
    return rows.map(
      ({ messageIds, violations, probeResults, username, telegramChatId, inviteLink, ...p }) => ({
        ...p,
        postUrl:
          p.publishedAt && !p.deletedAt
            ? (postLink({ username, telegramChatId }, messageIds[0]) ?? null)
            : null,
        violations: readViolations(violations).map(({ kind, at, from, until }) => ({
          kind,
          at,
          from,
          until,
        })),
        checks: readProbeResults(probeResults),
        reactions: reactions.get(p.id) ?? { total: 0, counts: {} },
        joins: inviteLink ? (joins.get(p.id) ?? noJoins) : null,
        settled: settled.has(p.id),
      }),
    );
  });
}
