import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { channels } from '../channels/table.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { enqueueNotification } from '../notifications/enqueue.js';
import { enqueueJobInTx, publishJob } from './create-placements.js';
import { delayedAfterSeconds, lateOffer, type PublishTarget } from './publish.js';
import { failPlacement } from './record-send-failure.js';
import { placements } from './table.js';

/** How long the advertiser has to answer a late offer before the default (refund) applies. */
export const lateOfferTimeoutMs = 30 * 60_000;
/** Applies the default answer of a late offer still open (data {placementId}). */
export const lateDefaultJob = 'placements.late-default';

export type LateChoice = 'publish_now' | 'refund';

/** Callback data of the advertiser's answer buttons (bot/features/orders/late-offer.ts). */
export const lateOfferData = (choice: 'now' | 'refund', placementId: string) =>
  `ord:late-${choice}:${placementId}`;

/** Whether a post made at `at` would be late: more than delayedAfterSeconds after due_at. */
export function isLate(dueAt: Date, at: Date): boolean {
  return at.getTime() - dueAt.getTime() > delayedAfterSeconds * 1000;
}

/**
 * A post that would go out late is not sent: the claimed placement (`publishing`, nothing sent) goes
 * back to `scheduled` marked lateOffer.asked, the advertiser is asked to publish now or take a
 * refund (`publish-late-ask`), and `placements.late-default` is queued at +30 min — one
 * transaction. Returns when the default applies; undefined when the placement was not in the
 * claim's state any more.
 */
export async function offerLatePublication(
  database: Database,
  target: PublishTarget,
  clock: Clock,
): Promise<{ defaultAt: Date } | undefined> {
  return database.withSystem('publish: late offer', async (tx) => {
    const at = clock.now();
    const parked = await tx
      .update(placements)
      .set({ status: 'scheduled', lastError: lateOffer.asked, updatedAt: at })
      .where(and(eq(placements.id, target.placementId), eq(placements.status, 'publishing')))
      .returning({ advertiserAccountId: placements.advertiserAccountId });
    const advertiserAccountId = parked[0]?.advertiserAccountId;
    if (!advertiserAccountId) return undefined;
    const defaultAt = new Date(at.getTime() + lateOfferTimeoutMs);
    const data = { placementId: target.placementId };
    await enqueueJobInTx(tx, lateDefaultJob, data, defaultAt);
    await enqueueNotification((n, d, when) => enqueueJobInTx(tx, n, d, when), {
      accountId: advertiserAccountId,
      key: 'publish-late-ask',
      vars: {
        channel: target.channelTitle,
        minutes: Math.max(1, Math.round((at.getTime() - target.dueAt.getTime()) / 60_000)),
        timeout: Math.round(lateOfferTimeoutMs / 60_000),
      },
      buttons: [
        [{ key: 'publish-late-button-now', data: lateOfferData('now', target.placementId) }],
        [{ key: 'publish-late-button-refund', data: lateOfferData('refund', target.placementId) }],
      ],
    });
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
  const [own] = await database.withScope({ accountId }, (tx) =>
    tx
      .select({ workspaceId: placements.workspaceId })
      .from(placements)
      .where(and(eq(placements.id, placementId), eq(placements.advertiserAccountId, accountId))),
  );
  if (!own) return fail('not_found');
  return database.withScope({ workspaceId: own.workspaceId, accountId }, (tx) =>
    answerLateOffer(tx, { placementId, choice, by: `account:${accountId}` }, clock.now()),
  );
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
