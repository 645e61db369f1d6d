import { and, eq, inArray, min } from 'drizzle-orm';
import {
  creativeModerationReasons,
  markCreativesPending,
} from '../moderation/moderation-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { readChannelSettings } from '../channels/settings.js';
import { channels } from '../channels/table.js';
import type { Tx } from '../db.js';
import { channelAccess } from '../orders/access-table.js';
import { orderItems, orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { orderEventFacts as facts } from '../orders/order-events.js';
import { createPlacements } from '../placements/create-placements.js';
import { slots } from '../slots/table.js';
import { appendEvent } from '../outbox/events.js';

/** The owner must decide at least this long before the order's first slot. */
export const reviewMarginMs = 15 * 60_000;

export interface ReviewRoute {
  /** 'moderation': the order stays `paid`, its creatives wait for an admin (docs/admin.md). */
  status: 'moderation' | 'in_review' | 'scheduled';
  reviewDeadlineAt: Date | null;
}

/**
 * With pre-moderation on, a first-time or flagged advertiser's paid order stops here: creatives
 * `pending` and `order.moderation_requested` appended (the admins' card, the advertiser's notice)
 * — all in the caller's tx.
 */
async function holdForModeration(
  tx: Tx,
  order: { id: string; advertiserAccountId: string },
  actor: string,
  at: Date,
): Promise<boolean> {
  const reasons = await creativeModerationReasons(tx, order);
  if (reasons.length === 0) return false;
  const [row] = await tx
    .select({ workspaceId: orders.workspaceId })
    .from(orders)
    .where(eq(orders.id, order.id));
  if (!row) throw new Error(`order ${order.id} to moderate not found`);
  await markCreativesPending(tx, order.id);
  await recordAudit(tx, {
    actor,
    action: 'creative.moderation_requested',
    objectType: 'order',
    objectId: order.id,
    data: { reasons },
    at,
    workspaceId: row.workspaceId,
  });
  await appendEvent(
    tx,
    {
      type: 'order.moderation_requested',
      workspaceId: row.workspaceId,
      orderId: order.id,
      advertiserAccountId: order.advertiserAccountId,
      reasons,
    },
    at,
  );
  return true;
}

/**
 * The review deadline: the earlier of `deadlineHours` after `at` and reviewMarginMs before the
 * order's first slot, so an approval always leaves the post time to go out on schedule.
 */
export function reviewDeadline(at: Date, deadlineHours: number, firstSlotAt: Date | null): Date {
  const byHours = at.getTime() + deadlineHours * 3_600_000;
  const bySlot = firstSlotAt ? firstSlotAt.getTime() - reviewMarginMs : Infinity;
  return new Date(Math.min(byHours, bySlot));
}

/**
 * Where a paid order goes: to the admin queue first when pre-moderation asks for it (unless
 * `moderated`: an admin just approved its creatives); then straight to 'scheduled' when every
 * channel of it auto-accepts or has the advertiser on its whitelist; else 'in_review' with the
 * earliest deadline of its manual-review channels (settings.review.deadlineHours after `at`, so
 * the owner's deadline starts when the order reaches them), never later than reviewMarginMs
 * before its first slot (reviewDeadline). Appends `order.scheduled` (auto) or
 * `order.review_requested`: who hears of it is the consumers' business (docs/events.md).
 */
export async function routePaidOrder(
  tx: Tx,
  order: { id: string; advertiserAccountId: string },
  actor: string,
  at: Date,
  options: { moderated?: boolean } = {},
): Promise<ReviewRoute> {
  if (!options.moderated && (await holdForModeration(tx, order, actor, at))) {
    return { status: 'moderation', reviewDeadlineAt: null };
  }
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
    const moved = await transitionOrder(tx, {
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
    if (moved.ok)
      await appendEvent(tx, { type: 'order.scheduled', ...facts(moved.value), auto: true }, at);
    return { status: 'scheduled', reviewDeadlineAt: null };
  }
  const [first] = await tx
    .select({ startsAt: min(slots.startsAt) })
    .from(orderItems)
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .where(eq(orderItems.orderId, order.id));
  const reviewDeadlineAt = reviewDeadline(at, deadlineHours, first?.startsAt ?? null);
  const moved = await transitionOrder(tx, {
    orderId: order.id,
    from: ['paid'],
    to: 'in_review',
    actor,
    at,
    set: { reviewDeadlineAt },
  });
  if (moved.ok) {
    const deadline = reviewDeadlineAt.toISOString();
    await appendEvent(tx, { type: 'order.review_requested', ...facts(moved.value), deadline }, at);
  }
  return { status: 'in_review', reviewDeadlineAt };
}
