import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { readOrderView, type OrderView } from '../orders/order-view.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { creatives } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { routePaidOrder, type ReviewRoute } from '../review/route-paid-order.js';
import { type AdminActor, decideAdminCard } from './cards.js';
import { appendEvent } from '../outbox/events.js';

export interface CreativeModerationFacts {
  order: OrderView;
  /** Every variant with what the content check found. */
  variants: {
    variantIndex: number;
    content: Record<string, unknown>;
    buttons: unknown[];
    moderationStatus: string;
    flags: unknown[];
  }[];
}

/** An order's creatives and facts for its admin card (cross-tenant read for the admin chat). */
export function creativeModerationFacts(
  database: Database,
  orderId: string,
): Promise<CreativeModerationFacts | undefined> {
  return database.withSystem('admin: read a creative card', async (tx) => {
    const order = await readOrderView(tx, orderId);
    if (!order) return undefined;
    const variants = await tx
      .select({
        variantIndex: creatives.variantIndex,
        content: creatives.content,
        buttons: creatives.buttons,
        moderationStatus: creatives.moderationStatus,
        flags: creatives.moderationFlags,
      })
      .from(creatives)
      .where(eq(creatives.orderId, orderId))
      .orderBy(asc(creatives.variantIndex));
    return { order, variants: variants as CreativeModerationFacts['variants'] };
  });
}

export type ModerateCreativeCode = 'not_found' | 'not_pending';

/** Locks the order's pending creatives; 'not_pending' unless the order waits in `paid`. */
async function pendingOrder(tx: Tx, orderId: string) {
  const order = await readOrderView(tx, orderId);
  if (!order) return fail('not_found');
  const pending = await tx
    .select({ id: creatives.id })
    .from(creatives)
    .where(and(eq(creatives.orderId, orderId), eq(creatives.moderationStatus, 'pending')))
    .for('update');
  if (order.status !== 'paid' || pending.length === 0)
    return fail('not_pending', { status: order.status });
  return ok(order);
}

export interface ApprovedCreative {
  workspaceId: string;
  orderId: string;
  route: Exclude<ReviewRoute['status'], 'moderation'>;
  reviewDeadlineAt: Date | null;
}

/**
 * An admin approves a paid order's creatives: approved, card decided, audit row, then routing
 * goes on exactly as after payment (owner review with its deadline starting now, or scheduled) —
 * one app_system transaction. The edge tells the advertiser and the owner's side.
 */
export async function approveOrderCreatives(
  database: Database,
  input: { orderId: string; admin: AdminActor },
  clock: Clock,
): Promise<Result<ApprovedCreative, ModerateCreativeCode>> {
  return database.withSystem('admin: approve creative', async (tx) => {
    const at = clock.now();
    const found = await pendingOrder(tx, input.orderId);
    if (!found.ok) return found;
    const order = found.value;
    const actor = `admin:${input.admin.telegramId}`;
    await tx
      .update(creatives)
      .set({ moderationStatus: 'approved' })
      .where(
        and(eq(creatives.orderId, order.id), inArray(creatives.moderationStatus, ['pending'])),
      );
    await decideAdminCard(tx, {
      kind: 'creative',
      objectId: order.id,
      decision: 'approved',
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'creative.approved',
      objectType: 'order',
      objectId: order.id,
      data: { admin: input.admin.name },
      at,
      workspaceId: order.workspaceId,
    });
    const route = await routePaidOrder(
      tx,
      { id: order.id, advertiserAccountId: order.advertiserAccountId },
      actor,
      at,
      { moderated: true },
    );
    if (route.status === 'moderation') throw new Error('moderated order routed to moderation');
    return ok({
      workspaceId: order.workspaceId,
      orderId: order.id,
      route: route.status,
      reviewDeadlineAt: route.reviewDeadlineAt,
    });
  });
}

/**
 * An admin rejects a paid order's creatives with a reason: creatives rejected (note = reason), the
 * order `paid → rejected` (reason 'moderation'),
 * card decided, audit row, the advertiser told the reason. The edge then refunds in full.
 */
export async function rejectOrderCreatives(
  database: Database,
  input: { orderId: string; admin: AdminActor; reason: string },
  clock: Clock,
): Promise<Result<{ workspaceId: string; orderId: string }, ModerateCreativeCode>> {
  return database.withSystem('admin: reject creative', async (tx) => {
    const at = clock.now();
    const found = await pendingOrder(tx, input.orderId);
    if (!found.ok) return found;
    const order = found.value;
    const actor = `admin:${input.admin.telegramId}`;
    await tx
      .update(creatives)
      .set({ moderationStatus: 'rejected', moderationNote: input.reason })
      .where(eq(creatives.orderId, order.id));
    const rejected = await transitionOrder(tx, {
      orderId: order.id,
      from: ['paid'],
      to: 'rejected',
      actor,
      reason: 'moderation',
      at,
      set: { reviewedAt: at, statusReason: input.reason },
    });
    if (!rejected.ok) throw new Error(`order ${order.id}: ${rejected.code}`);
    await decideAdminCard(tx, {
      kind: 'creative',
      objectId: order.id,
      decision: 'rejected',
      reason: input.reason,
      admin: input.admin,
      at,
    });
    await recordAudit(tx, {
      actor,
      action: 'creative.rejected',
      objectType: 'order',
      objectId: order.id,
      data: { admin: input.admin.name, reason: input.reason },
      at,
      workspaceId: order.workspaceId,
    });
    await appendEvent(
      tx,
      {
        type: 'order.creative_rejected',
        workspaceId: order.workspaceId,
        orderId: order.id,
        advertiserAccountId: order.advertiserAccountId,
        channelTitle: order.items[0]?.channelTitle ?? '—',
        reason: input.reason,
      },
      at,
    );
    return ok({ workspaceId: order.workspaceId, orderId: order.id });
  });
}
