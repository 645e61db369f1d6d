import { publishesBookedAds } from '../channels/apply-rights.js';
import { variantForPost } from '../ab-tests/decide.js';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { formatSpec, parseFormat, type FormatSpec } from '../channels/formats.js';
import { channels } from '../channels/table.js';
import { ensureClickLinks } from '../clicks/codes.js';
import { linkTargets } from '../clicks/links.js';
import type { Clock } from '../clock.js';
import type { Creative } from '../creatives/content.js';
import { renderCreative } from '../creatives/render.js';
import type { Database, Tx } from '../db.js';
import { readMarking, type Marking } from '../marking/marking.js';
import { creatives, orders } from '../orders/table.js';
import { transitionOrder } from '../orders/transition-order.js';
import { lifetimeEnd } from '../verification/lifetime.js';
import { scheduleProbes } from '../verification/schedule-probes.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { publishJob, settleJob } from './create-placements.js';
import { appendEvent } from '../outbox/events.js';
import { placements } from './table.js';
import { transitionPlacement } from './transition-placement.js';
import { expectMoved } from '../state-machine.js';

export const unpinJob = 'placements.unpin';
export const deleteJob = 'placements.delete';
export const finishJob = 'placements.finish';

/** Later than this after due_at ⇒ the post is recorded as delayed. */
export const delayedAfterSeconds = 120;

/**
 * last_error of a `scheduled` placement that would go out late (late-offer.ts): the advertiser is
 * asked (publish now / refund) and nothing is posted meanwhile; `accepted`: post it late.
 */
export const lateOffer = { asked: 'late_offer:asked', accepted: 'late_offer:publish_now' } as const;

/**
 * Who made a post late: `channel` when it refused an attempt made in time (the bot without rights,
 * the channel paused) — the owner's to fix; `platform` otherwise (our process down or behind, a
 * Telegram error), which never counts against the channel's reputation.
 */
export type DelayCause = 'channel' | 'platform';

/** The cause of a delay, from when the channel started refusing (failing_since; null: never). */
export function delayCause(dueAt: Date, channelRefusingSince: Date | null): DelayCause {
  if (!channelRefusingSince) return 'platform';
  const late = channelRefusingSince.getTime() - dueAt.getTime() > delayedAfterSeconds * 1000;
  return late ? 'platform' : 'channel';
}
const actor = `system:${publishJob}`;

/** Everything the sender needs to post one placement. */
export interface PublishTarget {
  placementId: string;
  orderId: string;
  workspaceId: string;
  channelId: string;
  channelTitle: string;
  channelStatus: string;
  /** Booked ads go out here (models/channels/apply-rights.ts publishesBookedAds). */
  channelPublishes: boolean;
  chatId: number;
  dueAt: Date;
  format: FormatSpec;
  creative: Creative;
  marking: Marking | null;
  /** Click codes of the rendered post's links, by link index (models/clicks/links.ts); [] untracked. */
  linkCodes: string[];
  /** The advertiser agreed to a late post (late-offer.ts): no new offer when it is late. */
  lateAccepted: boolean;
}

export type Claim =
  | { kind: 'skip'; status: string }
  | { kind: 'needs_review'; placementId: string; orderId: string }
  | { kind: 'go'; target: PublishTarget };

/**
 * Takes a placement for publishing (one transaction, row locked): `scheduled` ⇒ `publishing` (and
 * its order `scheduled` ⇒ `publishing`). Found `publishing` with send_started_at set ⇒ an earlier
 * attempt died after (maybe) sending: `needs_review`, never sent again. Found `publishing` without
 * send_started_at ⇒ an earlier attempt died before sending: taken again. Waiting for the
 * advertiser's answer to a late offer (lateOffer.asked) or anything else ⇒ skip.
 * Click codes are made only with `trackClicks` (default; off when Telegram cannot open PUBLIC_URL).
 */
export async function claimPlacement(
  database: Database,
  placementId: string,
  clock: Clock,
  { trackClicks = true }: { trackClicks?: boolean } = {},
): Promise<Claim> {
  return database.withSystem('publish: claim placement', async (tx) => {
    const at = clock.now();
    const [row] = await tx
      .select()
      .from(placements)
      .where(eq(placements.id, placementId))
      .for('update')
      .limit(1);
    if (!row) return { kind: 'skip', status: 'not_found' } as const;
    if (row.status === 'publishing' && row.sendStartedAt) {
      const parked = await transitionPlacement(tx, {
        placementId: row.id,
        from: ['publishing'],
        to: 'needs_review',
        at,
        set: { lastError: 'interrupted_after_send' },
      });
      expectMoved(parked, `placement ${row.id} → needs_review`);
      await recordAudit(tx, {
        actor,
        action: 'placement.needs_review',
        objectType: 'placement',
        objectId: row.id,
        data: { reason: 'interrupted_after_send', sendStartedAt: row.sendStartedAt.toISOString() },
        at,
        workspaceId: row.workspaceId,
      });
      // An admin decides: it was posted (resume verification) or not (fail and refund).
      await appendEvent(
        tx,
        {
          type: 'placement.needs_review',
          workspaceId: row.workspaceId,
          placementId: row.id,
          orderId: row.orderId,
          reason: 'interrupted_after_send',
        },
        at,
      );
      return { kind: 'needs_review', placementId: row.id, orderId: row.orderId } as const;
    }
    if (row.status !== 'scheduled' && row.status !== 'publishing') {
      return { kind: 'skip', status: row.status } as const;
    }
    if (row.status === 'scheduled' && row.lastError === lateOffer.asked) {
      return { kind: 'skip', status: 'late_offer_open' } as const;
    }
    const [channel] = await tx.select().from(channels).where(eq(channels.id, row.channelId));
    const [order] = await tx
      .select({ status: orders.status, marking: orders.marking })
      .from(orders)
      .where(eq(orders.id, row.orderId));
    // An A/B test with a winner (decided before, or now) gives every post still to go out its
    // winner; a post taken again after a failed attempt keeps the variant it was claimed with.
    const variantIndex =
      row.status === 'scheduled' ? await variantForPost(tx, row, at) : row.variantIndex;
    const [variant] = await tx
      .select({ content: creatives.content, buttons: creatives.buttons })
      .from(creatives)
      .where(and(eq(creatives.orderId, row.orderId), eq(creatives.variantIndex, variantIndex)));
    const format = parseFormat(row.format);
    if (!channel || !order || !variant || !format) {
      return { kind: 'skip', status: 'incomplete' } as const;
    }
    if (order.status === 'cancelled' || order.status === 'refunded') {
      const cancelled = await transitionPlacement(tx, {
        placementId: row.id,
        from: ['scheduled', 'publishing'],
        to: 'cancelled',
        at,
      });
      expectMoved(cancelled, `placement ${row.id} → cancelled`);
      return { kind: 'skip', status: `order_${order.status}` } as const;
    }
    if (order.status === 'scheduled') {
      await transitionOrder(tx, {
        orderId: row.orderId,
        from: ['scheduled'],
        to: 'publishing',
        actor,
        at,
      });
    }
    const chatId = channel.telegramChatId;
    if (row.status === 'scheduled') {
      const claimed = await transitionPlacement(tx, {
        placementId: row.id,
        from: ['scheduled'],
        to: 'publishing',
        at,
        set: { chatId, variantIndex },
      });
      expectMoved(claimed, `placement ${row.id} → publishing`);
    } else {
      // Taken again after an attempt that died before sending: it is `publishing` already.
      await tx.update(placements).set({ chatId, updatedAt: at }).where(eq(placements.id, row.id));
    }
    const creative = { content: variant.content, buttons: variant.buttons } as unknown as Creative;
    const marking = readMarking(order.marking);
    // Tracked links: made here, in the claiming transaction, so a retried attempt reuses them.
    const linkCodes = trackClicks
      ? await ensureClickLinks(tx, {
          placementId: row.id,
          workspaceId: row.workspaceId,
          targets: linkTargets(renderCreative(creative, marking)),
        })
      : [];
    return {
      kind: 'go',
      target: {
        placementId: row.id,
        orderId: row.orderId,
        workspaceId: row.workspaceId,
        channelId: channel.id,
        channelTitle: channel.title,
        channelStatus: channel.status,
        channelPublishes: publishesBookedAds(channel.status, channel.statusReason),
        chatId: channel.telegramChatId,
        dueAt: row.dueAt,
        format: formatSpec(format),
        creative,
        marking,
        linkCodes,
        lateAccepted: row.lastError === lateOffer.accepted,
      },
    } as const;
  });
}

/**
 * Committed right before the first Bot API call that posts: from here on a crash means "maybe
 * posted", so the next attempt parks the placement in needs_review instead of posting again. Set
 * only where still unset: of two runs that both claimed the placement (a lock taken over from a run
 * that was still alive), only one may send; the other gets false.
 */
export async function markSendStarted(
  database: Database,
  placementId: string,
  clock: Clock,
): Promise<boolean> {
  const rows = await database.withSystem('publish: send started', (tx) =>
    tx
      .update(placements)
      .set({ sendStartedAt: clock.now(), updatedAt: clock.now() })
      .where(
        and(
          eq(placements.id, placementId),
          eq(placements.status, 'publishing'),
          isNull(placements.sendStartedAt),
        ),
      )
      .returning({ id: placements.id }),
  );
  return rows.length === 1;
}

export interface Published {
  publishedAt: Date;
  delaySeconds: number;
  delayed: boolean;
  /** Who made it late (meaningful when delayed). */
  cause: DelayCause;
  topUntil: Date;
  pinUntil: Date | null;
  deleteAt: Date | null;
  /** When the promised lifetime ends (lifetimeEnd: delete_at, else the latest of top, pin, +24 h). */
  endsAt: Date;
}

const hours = (h: number) => h * 3_600_000;

/** A format's deadlines from the publication time (docs/publishing.md). */
export function placementDeadlines(spec: FormatSpec, publishedAt: Date) {
  const t = publishedAt.getTime();
  const topUntil = new Date(t + hours(spec.topHours));
  const pinUntil = spec.pinHours === null ? null : new Date(t + hours(spec.pinHours));
  const deleteAt =
    spec.deleteAfterHours === null ? null : new Date(t + hours(spec.deleteAfterHours));
  const endsAt = lifetimeEnd({ publishedAt, topUntil, pinUntil, deleteAt });
  return { topUntil, pinUntil, deleteAt, endsAt };
}

/**
 * Records the post (one transaction): message ids, published_at, delay (> 2 min ⇒ delayed, noted
 * in violations as 'late' with its cause: delayCause), the format's deadlines; the order
 * `publishing` ⇒ `published`; and queues, in the same transaction, the end-of-lifetime jobs (unpin
 * at pin_until, delete at delete_at, finish at the end) and the verification probes (scheduleProbes).
 */
export async function recordPublished(
  database: Database,
  input: { target: PublishTarget; messageIds: number[] },
  clock: Clock,
): Promise<Published> {
  return database.withSystem('publish: record post', (tx) =>
    writePublished(tx, input.target, input.messageIds, clock.now(), actor),
  );
}

/** recordPublished's writes in the caller's app_system transaction (also used by an admin's confirmation). */
export async function writePublished(
  tx: Tx,
  target: Pick<
    PublishTarget,
    'placementId' | 'orderId' | 'workspaceId' | 'chatId' | 'dueAt' | 'format'
  >,
  messageIds: number[],
  publishedAt: Date,
  by: string,
): Promise<Published> {
  const delaySeconds = Math.max(
    0,
    Math.round((publishedAt.getTime() - target.dueAt.getTime()) / 1000),
  );
  const delayed = delaySeconds > delayedAfterSeconds;
  const deadlines = placementDeadlines(target.format, publishedAt);
  const [row] = await tx
    .select({ violations: placements.violations, failingSince: placements.failingSince })
    .from(placements)
    .where(eq(placements.id, target.placementId))
    .for('update');
  const cause = delayCause(target.dueAt, row?.failingSince ?? null);
  const violations = [...(row?.violations ?? [])];
  if (delayed) {
    violations.push({
      kind: 'late',
      at: publishedAt.toISOString(),
      from: target.dueAt.toISOString(),
      to: publishedAt.toISOString(),
      detail: { delaySeconds, cause },
    });
  }
  // Posted by this attempt, or confirmed by an admin after an interrupted one (needs_review).
  const moved = await transitionPlacement(tx, {
    placementId: target.placementId,
    from: ['publishing', 'needs_review'],
    to: 'published',
    at: publishedAt,
    set: {
      publishedAt,
      delaySeconds,
      chatId: target.chatId,
      messageIds,
      topUntil: deadlines.topUntil,
      pinUntil: deadlines.pinUntil,
      deleteAt: deadlines.deleteAt,
      violations,
      failingSince: null,
      lastError: null,
    },
  });
  expectMoved(moved, `placement ${target.placementId} → published`);
  await transitionOrder(tx, {
    orderId: target.orderId,
    from: ['publishing'],
    to: 'published',
    actor: by,
    at: publishedAt,
  });
  const data = { placementId: target.placementId };
  if (deadlines.pinUntil) await enqueueJobInTx(tx, unpinJob, data, deadlines.pinUntil);
  if (deadlines.deleteAt) await enqueueJobInTx(tx, deleteJob, data, deadlines.deleteAt);
  await enqueueJobInTx(tx, finishJob, data, deadlines.endsAt);
  await scheduleProbes((n, d, when) => enqueueJobInTx(tx, n, d, when), {
    id: target.placementId,
    publishedAt,
    ...deadlines,
  });
  await recordAudit(tx, {
    actor: by,
    action: 'placement.published',
    objectType: 'placement',
    objectId: target.placementId,
    data: { messageIds, delaySeconds, delayed, ...(delayed ? { cause } : {}) },
    at: publishedAt,
    workspaceId: target.workspaceId,
  });
  await appendEvent(
    tx,
    {
      type: 'placement.published',
      workspaceId: target.workspaceId,
      placementId: target.placementId,
      orderId: target.orderId,
    },
    publishedAt,
  );
  return { publishedAt, delaySeconds, delayed, cause, ...deadlines };
}

export interface LivePlacement {
  placementId: string;
  status: string;
  chatId: number | null;
  messageIds: number[];
  pinUntil: Date | null;
  deletedAt: Date | null;
}

/** A placement's post, for the end-of-lifetime steps. */
export async function readLivePlacement(
  database: Database,
  placementId: string,
): Promise<LivePlacement | undefined> {
  const [row] = await database.withSystem('publish: read placement', (tx) =>
    tx
      .select({
        placementId: placements.id,
        status: placements.status,
        chatId: placements.chatId,
        messageIds: placements.messageIds,
        pinUntil: placements.pinUntil,
        deletedAt: placements.deletedAt,
      })
      .from(placements)
      .where(eq(placements.id, placementId)),
  );
  return row;
}

/** The bot deleted the post at delete_at (deleted_at recorded once). */
export async function recordDeleted(
  database: Database,
  placementId: string,
  clock: Clock,
): Promise<void> {
  await database.withSystem('publish: post deleted', (tx) =>
    tx
      .update(placements)
      .set({ deletedAt: clock.now(), updatedAt: clock.now() })
      .where(eq(placements.id, placementId)),
  );
}

/**
 * The lifetime is over: `published` ⇒ `completed` and `placements.settle` (settlement) queued in
 * the same transaction. Returns whether this call completed it.
 */
export async function completePlacement(
  database: Database,
  placementId: string,
  clock: Clock,
): Promise<boolean> {
  return database.withSystem('publish: lifetime over', async (tx) => {
    const at = clock.now();
    const completed = await transitionPlacement(tx, {
      placementId,
      from: ['published'],
      to: 'completed',
      at,
    });
    if (!completed.ok) return false;
    await enqueueJobInTx(tx, settleJob, { placementId }, at);
    return true;
  });
}
