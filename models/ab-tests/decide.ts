import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels } from '../channels/table.js';
import type { DbOrTx } from '../db.js';
import { creatives, orders } from '../orders/table.js';
import { placements } from '../placements/table.js';
import { probabilityToBeBest } from './probability.js';

/** A variant takes the order's remaining posts once it is this likely to be the best. */
export const abThreshold = 0.95;

/** What one variant of an order's ad did in its published posts. */
export interface VariantResult {
  variantIndex: number;
  /** Its posts that went out. */
  posts: number;
  /** Their channels' subscribers (the people the posts could reach). */
  reach: number;
  /** Unique clicks on their tracked links (a visitor counts once a day per post). */
  clicks: number;
  /** clicks ÷ reach × 1 000; null before any reach. */
  per1000: number | null;
  /** Its probability to be the best variant; null until every variant has reach. */
  probability: number | null;
}

/** An order's A/B test: its variants (two or more) and what is known of them. */
export interface AbTest {
  variants: VariantResult[];
  /** The variant that takes the remaining posts, once one reached abThreshold; null before. */
  winner: number | null;
  winnerProbability: number | null;
  decidedAt: Date | null;
  /** The variant most likely to be the best now (null until every variant has reach). */
  leader: number | null;
}

/**
 * The order's A/B test in the caller's scope, or undefined when the ad has one variant. Evidence
 * per variant: its published posts, their channels' subscribers now (reach) and unique clicks;
 * the probability to be best from Beta posteriors of clicks per subscriber (probability.ts),
 * computed only once every variant has reach (a variant without data would look as good as any).
 */
export async function readAbTest(tx: DbOrTx, orderId: string): Promise<AbTest | undefined> {
  const variants = await tx
    .select({ index: creatives.variantIndex })
    .from(creatives)
    .where(eq(creatives.orderId, orderId))
    .orderBy(asc(creatives.variantIndex));
  if (variants.length < 2) return undefined;
  const [order] = await tx
    .select({
      winner: orders.abWinner,
      probability: orders.abProbability,
      decidedAt: orders.abDecidedAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  const rows = await tx
    .select({
      variantIndex: placements.variantIndex,
      posts: sql<number>`count(*)::int`,
      reach: sql<number>`coalesce(sum(${channels.subscribers}), 0)::int`,
      clicks: sql<number>`coalesce(sum(${placements.uniqueClicks}), 0)::int`,
    })
    .from(placements)
    .innerJoin(channels, eq(channels.id, placements.channelId))
    .where(and(eq(placements.orderId, orderId), isNotNull(placements.publishedAt)))
    .groupBy(placements.variantIndex);
  const results = variants.map(({ index }) => {
    const row = rows.find((r) => r.variantIndex === index);
    const reach = row?.reach ?? 0;
    const clicks = row?.clicks ?? 0;
    return {
      variantIndex: index,
      posts: row?.posts ?? 0,
      reach,
      clicks,
      per1000: reach > 0 ? (clicks * 1_000) / reach : null,
      probability: null as number | null,
    };
  });
  let leader: number | null = null;
  if (results.every((r) => r.reach > 0)) {
    const chances = probabilityToBeBest(
      results.map((r) => ({ trials: r.reach, successes: r.clicks })),
    );
    results.forEach((r, i) => (r.probability = chances[i]!));
    leader = results.reduce((best, r) =>
      r.probability! > best.probability! ? r : best,
    ).variantIndex;
  }
  return {
    variants: results,
    winner: order?.winner ?? null,
    winnerProbability: order?.probability ?? null,
    decidedAt: order?.decidedAt ?? null,
    leader,
  };
}

/**
 * The variant that takes the order's remaining posts: the one recorded, or else the leader once it
 * is at least abThreshold likely to be the best (recorded when the next post is claimed); null
 * while no variant is that likely.
 */
export function abWinner(test: AbTest): { variantIndex: number; probability: number } | null {
  if (test.winner !== null)
    return { variantIndex: test.winner, probability: test.winnerProbability ?? abThreshold };
  const leader = test.variants.find((v) => v.variantIndex === test.leader);
  if (!leader || leader.probability === null || leader.probability < abThreshold) return null;
  return { variantIndex: leader.variantIndex, probability: leader.probability };
}

/**
 * The variant a post of the order goes out with: the winner once the order's A/B test has one;
 * otherwise, when the leader is now at least abThreshold likely to be the best, it becomes the
 * winner (recorded on the order with its probability, audited) and this and every later post take
 * it; otherwise the post's own variant (the rotation). Run in the publishing transaction; two
 * posts deciding at once record the first decision only.
 */
export async function variantForPost(
  tx: DbOrTx,
  post: { orderId: string; workspaceId: string; variantIndex: number },
  at: Date,
): Promise<number> {
  const test = await readAbTest(tx, post.orderId);
  if (!test) return post.variantIndex;
  if (test.winner !== null) return test.winner;
  const winner = abWinner(test);
  if (!winner) return post.variantIndex;
  const decided = await tx
    .update(orders)
    .set({
      abWinner: winner.variantIndex,
      abProbability: winner.probability,
      abDecidedAt: at,
      updatedAt: at,
    })
    .where(and(eq(orders.id, post.orderId), isNull(orders.abWinner)))
    .returning({ winner: orders.abWinner });
  if (decided.length === 0) {
    const [order] = await tx
      .select({ winner: orders.abWinner })
      .from(orders)
      .where(eq(orders.id, post.orderId));
    return order?.winner ?? post.variantIndex;
  }
  await recordAudit(tx, {
    actor: 'system:ab-test',
    action: 'order.ab_winner',
    objectType: 'order',
    objectId: post.orderId,
    data: { winner: winner.variantIndex, variants: test.variants },
    at,
    workspaceId: post.workspaceId,
  });
  return winner.variantIndex;
}
