import { and, eq, inArray } from 'drizzle-orm';
import { readChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { channelAccess } from '../orders/access-table.js';
import { orderItems } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { createPlacements } from '../placements/create-placements.js';

export interface ReviewRoute {
  status: 'in_review' | 'scheduled';
  reviewDeadlineAt: Date | null;
}

/**
 * Where a paid order goes: straight to 'scheduled' when every channel of it auto-accepts or has
 * the advertiser on its whitelist; else 'in_review' with the earliest deadline of its
 * manual-review channels (settings.review.deadlineHours after `at`).
 */
export async function routePaidOrder(
  tx: Tx,
  order: { id: string; advertiserAccountId: string },
  actor: string,
  at: Date,
): Promise<ReviewRoute> {
  const rows = await tx
    .selectDistinct({ id: channels.id, settings: channels.settings, language: channels.language })
    .from(orderItems)
    .innerJoin(channels, eq(channels.id, orderItems.channelId))
    .where(eq(orderItems.orderId, order.id));
  const allowed = new Set(
    rows.length === 0
      ? []
      : (
          await tx
            .select({ channelId: channelAccess.channelId })
            .from(channelAccess)
            .where(
              and(
                eq(channelAccess.accountId, order.advertiserAccountId),
                eq(channelAccess.status, 'allowed'),
                inArray(
                  channelAccess.channelId,
                  rows.map((r) => r.id),
                ),
              ),
            )
        ).map((r) => r.channelId),
  );
  let deadlineHours: number | undefined;
  for (const row of rows) {
    const review = readChannelSettings(row.settings, row.language ?? 'en').review;
    if (review.mode === 'auto' || allowed.has(row.id)) continue;
    deadlineHours = Math.min(deadlineHours ?? Infinity, review.deadlineHours);
  }
  if (deadlineHours === undefined) {
    await transitionOrder(tx, {
      orderId: order.id,
      from: ['paid'],
      to: 'scheduled',
      actor,
      reason: 'auto_accept',
      at,
      set: { scheduledAt: at },
    });
    // Scheduled ⇒ its placements and their publish jobs, in this same transaction.
    await createPlacements(tx, order.id, at);
    return { status: 'scheduled', reviewDeadlineAt: null };
  }
  const reviewDeadlineAt = new Date(at.getTime() + deadlineHours * 3_600_000);
  await transitionOrder(tx, {
    orderId: order.id,
    from: ['paid'],
    to: 'in_review',
    actor,
    at,
    set: { reviewDeadlineAt },
  });
  return { status: 'in_review', reviewDeadlineAt };
}
