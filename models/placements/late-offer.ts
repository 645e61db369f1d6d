import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { nearestFreeSlots } from '../orders/nearest-free-slots.js';
import { lockChannelForHolds } from '../orders/queries.js';
import { releaseOrderSlots } from '../orders/release-order-slots.js';
import { appendEvent } from '../outbox/events.js';
import { orderItems } from '../orders/table.js';
import { availableSlots, slotChannelOf } from '../slots/queries.js';
import { transitionSlot } from '../slots/transition-slot.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { publishJob } from './create-placements.js';
import { delayedAfterSeconds, lateOffer, type PublishTarget } from './publish.js';
import { failPlacement } from './record-send-failure.js';
import { placements } from './table.js';
import { transitionPlacement } from './transition-placement.js';

/** How long the advertiser has to answer a late offer before the default (refund) applies. */
export const lateOfferTimeoutMs = 30 * 60_000;
/** Applies the default answer of a late offer still open (data {placementId}). */
export const lateDefaultJob = 'placements.late-default';

export type LateChoice = 'publish_now' | 'refund';

/** How many other times are offered instead of a late post. */
export const lateOfferTimesShown = 5;

/** Whether a post made at `at` would be late: more than delayedAfterSeconds after due_at. */
export function isLate(dueAt: Date, at: Date): boolean {
  return at.getTime() - dueAt.getTime() > delayedAfterSeconds * 1000;
}

/**
 * A post that would go out late is not sent: the claimed placement (`publishing`, nothing sent) goes
 * back to `scheduled` marked lateOffer.asked, `placement.late_offered` tells the advertiser
 * (publish now, another time or refund), and `placements.late-default` is queued at +30 min —
 * one transaction. Returns when the default applies; undefined when the placement was not in the
 * claim's state any more.
 */
export async function offerLatePublication(
  database: Database,
  target: PublishTarget,
  clock: Clock,
): Promise<{ defaultAt: Date } | undefined> {
  return database.withSystem('publish: late offer', async (tx) => {
    const at = clock.now();
    const parked = await transitionPlacement(tx, {
      placementId: target.placementId,
      from: ['publishing'],
      to: 'scheduled',
      at,
      set: { lastError: lateOffer.asked },
    });
    if (!parked.ok) return undefined;
    const { advertiserAccountId } = parked.value;
    const defaultAt = new Date(at.getTime() + lateOfferTimeoutMs);
    const data = { placementId: target.placementId };
    await enqueueJobInTx(tx, lateDefaultJob, data, defaultAt);
    await appendEvent(
      tx,
      {
        type: 'placement.late_offered',
        workspaceId: target.workspaceId,
        placementId: target.placementId,
        orderId: target.orderId,
        advertiserAccountId,
        channelTitle: target.channelTitle,
        minutesLate: Math.max(1, Math.round((at.getTime() - target.dueAt.getTime()) / 60_000)),
        defaultAt: defaultAt.toISOString(),
      },
      at,
    );
    await recordAudit(tx, {
      actor: `system:${publishJob}`,
      action: 'placement.late_offered',
      objectType: 'placement',
      objectId: target.placementId,
      data: { dueAt: target.dueAt.toISOString(), defaultAt: defaultAt.toISOString() },
      at,
      workspaceId: target.workspaceId,
    });
    return { defaultAt };
  });
}

export interface LateAnswer {
  choice: LateChoice;
  orderId: string;
  workspaceId: string;
  /** Refund with nothing of the order delivered: the caller refunds the order in full. */
  orderFailed: boolean;
}

/**
 * Applies an answer to an open late offer (caller's transaction, row locked): publish now ⇒ marked
 * accepted and `placements.publish` queued at once; refund ⇒ failPlacement (the order fails and is
 * refunded in full by the caller, or settlement returns this post's share). Anything but an open
 * offer ⇒ 'already_decided'.
 */
async function answerLateOffer(
  tx: Tx,
  input: { placementId: string; choice: LateChoice; by: string; noAnswer?: boolean },
  at: Date,
): Promise<Result<LateAnswer, 'already_decided'>> {
  const [row] = await tx
    .select({
      placementId: placements.id,
      orderId: placements.orderId,
      workspaceId: placements.workspaceId,
      status: placements.status,
      lastError: placements.lastError,
      channelTitle: channels.title,
    })
    .from(placements)
    .innerJoin(channels, eq(channels.id, placements.channelId))
    .where(eq(placements.id, input.placementId))
    .for('update', { of: placements });
  if (!row || row.status !== 'scheduled' || row.lastError !== lateOffer.asked) {
    return fail('already_decided', { status: row?.status ?? 'not_found' });
  }
  const { orderId, workspaceId } = row;
  if (input.choice === 'refund') {
    const failed = await failPlacement(
      tx,
      {
        target: row,
        error: input.noAnswer ? 'late: no answer, refunded' : 'late: refund chosen',
        cause: input.noAnswer ? 'late_no_answer' : 'late_refund',
      },
      at,
    );
    return ok({ choice: 'refund', orderId, workspaceId, orderFailed: failed.orderFailed });
  }
  await tx
    .update(placements)
    .set({ lastError: lateOffer.accepted, updatedAt: at })
    .where(eq(placements.id, row.placementId));
  await enqueueJobInTx(tx, publishJob, { placementId: row.placementId }, at);
  await recordAudit(tx, {
    actor: input.by,
    action: 'placement.late_accepted',
    objectType: 'placement',
    objectId: row.placementId,
    data: { choice: input.choice },
    at,
    workspaceId,
  });
  return ok({ choice: 'publish_now', orderId, workspaceId, orderFailed: false });
}

/** The workspace of the advertiser's own placement (their scope decides who may see it). */
async function ownPlacementWorkspace(
  database: Database,
  accountId: string,
  placementId: string,
): Promise<string | undefined> {
  const [own] = await database.withScope({ accountId }, (tx) =>
    tx
      .select({ workspaceId: placements.workspaceId })
      .from(placements)
      .where(and(eq(placements.id, placementId), eq(placements.advertiserAccountId, accountId))),
  );
  return own?.workspaceId;
}

/**
 * The advertiser answers a late offer of their own placement (their scope decides who may):
 * publish now or refund. Race-safe against the default and a second press ('already_decided').
 */
export async function decideLateOffer(
  database: Database,
  input: { accountId: string; placementId: string; choice: LateChoice },
  clock: Clock,
): Promise<Result<LateAnswer, 'not_found' | 'already_decided'>> {
  const { accountId, placementId, choice } = input;
  const workspaceId = await ownPlacementWorkspace(database, accountId, placementId);
  if (!workspaceId) return fail('not_found');
  return database.withScope({ workspaceId, accountId }, (tx) =>
    answerLateOffer(tx, { placementId, choice, by: `account:${accountId}` }, clock.now()),
  );
}

/** An open late offer's placement, row locked (caller's transaction); undefined when decided. */
async function openOffer(tx: Tx, placementId: string) {
  const [row] = await tx
    .select({
      placementId: placements.id,
      orderId: placements.orderId,
      slotId: placements.slotId,
      channelId: placements.channelId,
      workspaceId: placements.workspaceId,
      format: placements.format,
      dueAt: placements.dueAt,
      status: placements.status,
      lastError: placements.lastError,
    })
    .from(placements)
    .where(eq(placements.id, placementId))
    .for('update');
  return row?.status === 'scheduled' && row.lastError === lateOffer.asked ? row : undefined;
}

export interface LateOfferTimes {
  channelTitle: string;
  /** The channel's zone: the times are shown in it (and in the reader's own when it differs). */
  timezone: string;
  /** Free times of the same channel and format, sellable now, soonest first. */
  times: Date[];
}

/**
 * «Another time» instead of a late post: up to lateOfferTimesShown free times of the placement's
 * channel in its format (lead time, horizon, top windows and the daily limit as for any booking),
 * soonest first. The price is the one paid: a slot's price depends only on its format.
 */
export async function lateOfferTimes(
  database: Database,
  input: { accountId: string; placementId: string },
  clock: Clock,
): Promise<Result<LateOfferTimes, 'not_found' | 'already_decided'>> {
  const { accountId, placementId } = input;
  const workspaceId = await ownPlacementWorkspace(database, accountId, placementId);
  if (!workspaceId) return fail('not_found');
  const found = await database.withScope({ workspaceId, accountId }, async (tx) => {
    const offer = await openOffer(tx, placementId);
    const channel = offer && (await slotChannelOf(tx, offer.channelId));
    return offer && channel ? { offer, channel } : undefined;
  });
  if (!found) return fail('already_decided');
  const { offer, channel } = found;
  const now = clock.now();
  const times =
    channel.status === 'active'
      ? await nearestFreeSlots(database, channel, now, offer.format, now, lateOfferTimesShown)
      : [];
  return ok({ channelTitle: channel.title, timezone: channel.settings.timezone, times });
}

export type LateMoveCode = 'not_found' | 'already_decided' | 'not_available';

class NotAvailable extends Error {}

/**
 * Moves a late post to another free time of its channel (the advertiser's choice), in one
 * transaction of their booking scope: the old slot is freed, the new one booked for the order (it
 * must be sellable now, as for a hold), the order item and the placement point at it, due at its
 * start with the late offer closed, and `placements.publish` is queued then; `placement.late_moved`
 * tells the owners. The
 * paid price stays. 'not_available': the time was taken meanwhile (nothing changed, the offer stays
 * open); 'already_decided': the offer was answered or ran out.
 */
export async function moveLatePlacement(
  database: Database,
  input: { accountId: string; placementId: string; startsAt: Date },
  clock: Clock,
): Promise<Result<{ orderId: string; dueAt: Date; timezone: string }, LateMoveCode>> {
  const { accountId, placementId, startsAt } = input;
  const workspaceId = await ownPlacementWorkspace(database, accountId, placementId);
  if (!workspaceId) return fail('not_found');
  try {
    return await database.withScope({ workspaceId, accountId }, async (tx) => {
      const at = clock.now();
      const offer = await openOffer(tx, placementId);
      if (!offer) return fail('already_decided');
      await lockChannelForHolds(tx, offer.channelId);
      const channel = await slotChannelOf(tx, offer.channelId);
      const { leadTimeMinutes, horizonDays } = channel?.settings ?? {};
      const startMs = startsAt.getTime();
      if (
        channel?.status !== 'active' ||
        startMs < at.getTime() + (leadTimeMinutes ?? 0) * 60_000 ||
        startMs > at.getTime() + (horizonDays ?? 0) * 86_400_000
      )
        return fail('not_available');
      // Freed first, so the old slot's top window does not hide the times right after it.
      await releaseOrderSlots(tx, offer.orderId, at, [offer.slotId]);
      const [free] = await availableSlots(tx, offer.channelId, startsAt, new Date(startMs + 1), {
        format: offer.format,
      });
      const booked =
        free &&
        (await transitionSlot(tx, {
          slotId: free.id,
          from: ['free'],
          to: 'booked',
          at,
          set: { orderId: offer.orderId, format: offer.format },
        }));
      if (!free || !booked || !booked.ok) throw new NotAvailable();
      await tx
        .update(orderItems)
        .set({ slotId: free.id })
        .where(and(eq(orderItems.orderId, offer.orderId), eq(orderItems.slotId, offer.slotId)));
      await tx
        .update(placements)
        .set({
          slotId: free.id,
          dueAt: startsAt,
          lastError: null,
          failingSince: null,
          updatedAt: at,
        })
        .where(eq(placements.id, placementId));
      await enqueueJobInTx(tx, publishJob, { placementId }, startsAt);
      await recordAudit(tx, {
        actor: `account:${accountId}`,
        action: 'placement.late_moved',
        objectType: 'placement',
        objectId: placementId,
        data: { from: offer.dueAt.toISOString(), to: startsAt.toISOString() },
        at,
        workspaceId,
      });
      await appendEvent(
        tx,
        {
          type: 'placement.late_moved',
          workspaceId,
          placementId,
          orderId: offer.orderId,
          channelTitle: channel.title,
          from: offer.dueAt.toISOString(),
          to: startsAt.toISOString(),
        },
        at,
      );
      return ok({ orderId: offer.orderId, dueAt: startsAt, timezone: channel.settings.timezone });
    });
  } catch (error) {
    if (error instanceof NotAvailable) return fail('not_available');
    throw error;
  }
}

/**
 * `placements.late-default`: an offer still open after lateOfferTimeoutMs gets the default answer,
 * the refund (docs/publishing.md says why). Undefined when it was answered meanwhile.
 */
export async function applyLateDefault(
  database: Database,
  placementId: string,
  clock: Clock,
): Promise<LateAnswer | undefined> {
  const answer = await database.withSystem('publish: late offer unanswered', (tx) =>
    answerLateOffer(
      tx,
      { placementId, choice: 'refund', by: `system:${lateDefaultJob}`, noAnswer: true },
      clock.now(),
    ),
  );
  return answer.ok ? answer.value : undefined;
}
