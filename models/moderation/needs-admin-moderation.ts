import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { creatives, orders } from '../orders/table.js';

/** Order states that mean the order got past moderation and the owner (it was scheduled). */
const trustedStatuses = ['scheduled', 'publishing', 'published', 'completed', 'disputed'] as const;

/**
 * Whether an advertiser is still first-time for moderation: none of their orders ever reached
 * `scheduled` (scheduled_at set, or a scheduled-or-later status) and none of their creatives was
 * approved by an admin. The transaction must see the advertiser's orders (withSystem or their scope).
 */
export async function needsAdminModeration(tx: Tx, advertiserAccountId: string): Promise<boolean> {
  const [trusted] = await tx
    .select({ one: sql<number>`1` })
    .from(orders)
    .where(
      and(
        eq(orders.advertiserAccountId, advertiserAccountId),
        or(isNotNull(orders.scheduledAt), inArray(orders.status, [...trustedStatuses])),
      ),
    )
    .limit(1);
  if (trusted) return false;
  const [approved] = await tx
    .select({ one: sql<number>`1` })
    .from(creatives)
    .where(
      and(
        eq(creatives.advertiserAccountId, advertiserAccountId),
        eq(creatives.moderationStatus, 'approved'),
      ),
    )
    .limit(1);
  return !approved;
}
