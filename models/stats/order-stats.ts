import { eq, sql } from 'drizzle-orm';
import { soldStatuses, sumsByCurrency, type MoneyByCurrency } from '../admin/lookup.js';
import type { ApiKeyOwner } from '../api-keys/key-owner.js';
import type { Database } from '../db.js';
import { ownerEarningsByOrder } from '../ledger/owner-earnings.js';
import { partnerOrderRef } from '../orders/partner-orders.js';
import type { Currency } from '../orders/table.js';
import { placements } from '../placements/table.js';

export interface OrderStats {
  orderId: string;
  currency: Currency;
  placements: number;
  publications: number;
  /** The placements' click counters (as the bot's reports show them). */
  clicks: number;
  uniqueClicks: number;
  /** What the advertiser pays in the end, in the order's currency: total less refunds once paid. */
  spent: number;
  /** The owner's net share from the journal (owner keys only; empty until settled). */
  earned: MoneyByCurrency[] | undefined;
}

/**
 * The delivery and money of one of the key owner's orders (undefined when not the owner's): both
 * sides see posts, clicks and spend; only the channels' owner sees its earnings.
 */
export async function readOrderStats(
  database: Database,
  owner: ApiKeyOwner,
  orderId: string,
): Promise<OrderStats | undefined> {
  const order = await partnerOrderRef(database, owner, orderId);
  if (!order) return undefined;
  return database.withScope(order.scope, async (tx) => {
    const [posts] = await tx
      .select({
        all: sql<number>`count(*)::int`,
        published: sql<number>`(count(*) filter (where ${placements.publishedAt} is not null))::int`,
        clicks: sql<number>`coalesce(sum(${placements.clicks}), 0)::int`,
        unique: sql<number>`coalesce(sum(${placements.uniqueClicks}), 0)::int`,
      })
      .from(placements)
      .where(eq(placements.orderId, order.id));
    const earned =
      'workspaceId' in owner
        ? sumsByCurrency(await ownerEarningsByOrder(tx, order.workspaceId, { orderId: order.id }))
        : undefined;
    return {
      orderId: order.id,
      currency: order.currency,
      placements: posts?.all ?? 0,
      publications: posts?.published ?? 0,
      clicks: posts?.clicks ?? 0,
      uniqueClicks: posts?.unique ?? 0,
      spent: soldStatuses.includes(order.status) ? order.total - order.refundedAmount : 0,
      earned,
    };
  });
}
