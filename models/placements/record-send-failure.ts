import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { lostRightsGraceMs } from '../channels/rights.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { orders } from '../orders/table.js';
import { appendEvent } from '../outbox/events.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { publishJob } from './create-placements.js';
import type { PublishTarget } from './publish.js';
import { settleOrFailOrder } from './settle-or-fail-order.js';
import { placements } from './table.js';
import { transitionPlacement } from './transition-placement.js';
import { expectMoved } from '../state-machine.js';

/** Time between publish attempts while the bot cannot post. */
export const publishRetryMs = 5 * 60_000;

const actor = `system:${publishJob}`;

/**
 * Why a post did not go out, as the owner and the advertiser are told: the bot lacks rights, the
 * channel is not active, Telegram refused a link / the length / the post otherwise (the same post
 * is refused again: it fails at once), or Telegram kept failing (5xx) until the grace ran out.
 */
export type PublishFailureCause =
  | 'rights'
  | 'channel'
  | 'link'
  | 'too_long'
  | 'refused'
  | 'telegram'
  /** Too late to post on time: the advertiser chose the refund (late-offer.ts)… */
  | 'late_refund'
  /** …or did not answer in time, and the refund is the default. */
  | 'late_no_answer';

const refusedPost: readonly PublishFailureCause[] = ['link', 'too_long', 'refused'];
/** The channel's side stopped the post (the owner's to fix); the others are Telegram's or the post's. */
const channelRefusals: readonly PublishFailureCause[] = ['rights', 'channel'];

export interface SendFailureInput {
  target: PublishTarget;
  /** What Telegram (or the pre-check) said; kept as last_error, shown to the owner and advertiser. */
  error: string;
  cause: PublishFailureCause;
  /** Rights the bot lacks (cause 'rights'), for the owner's notice. */
  missing?: string[];
}

export type SendFailure =
  | { kind: 'retry'; retryAt: Date; ownerTold: boolean }
  | { kind: 'failed'; orderId: string; workspaceId: string; orderFailed: boolean }
  /** It left `publishing` meanwhile (cancelled with its order, parked for review): left as it is. */
  | { kind: 'skipped'; status: string };

/**
 * Nothing was posted (Telegram refused, or the pre-check found the bot without rights or the
 * channel inactive). Telegram refusing the post itself (a link, the length…) ⇒ it fails at once.
 * Otherwise the placement goes back to `scheduled` with the error and a retry is queued every
 * 5 minutes; the first failure of a streak with lost rights appends `placement.rights_lost` (the
 * owners are told at once); 15 minutes after due_at it fails. Failing: placement `failed`; when
 * nothing of the order was delivered, the order `failed` (the caller refunds it in full) and its
 * other waiting placements `cancelled`, otherwise the order stays and settlement returns this
 * placement's share. `placement.failed` tells the owners and the advertiser why (by cause).
 * A placement no longer `publishing` (cancelled meanwhile, parked for review) is left as it is.
 */
export async function recordSendFailure(
  database: Database,
  input: SendFailureInput,
  clock: Clock,
): Promise<SendFailure> {
  return database.withSystem('publish: send failed', async (tx) => {
    const at = clock.now();
    const [row] = await tx
      .select({ status: placements.status, failingSince: placements.failingSince })
      .from(placements)
      .where(eq(placements.id, input.target.placementId))
      .for('update');
    if (row?.status !== 'publishing')
      return { kind: 'skipped', status: row?.status ?? 'not_found' };
    const graceOver = at.getTime() - input.target.dueAt.getTime() >= lostRightsGraceMs;
    if (graceOver || refusedPost.includes(input.cause)) return failPlacement(tx, input, at);
    return scheduleRetry(tx, input, row.failingSince, at);
  });
}

async function scheduleRetry(
  tx: Tx,
  input: SendFailureInput,
  failingSince: Date | null,
  at: Date,
): Promise<SendFailure> {
  const { target } = input;
  const retryAt = new Date(
    Math.min(at.getTime() + publishRetryMs, target.dueAt.getTime() + lostRightsGraceMs),
  );
  const retried = await transitionPlacement(tx, {
    placementId: target.placementId,
    from: ['publishing'],
    to: 'scheduled',
    at,
    set: {
      sendStartedAt: null,
      // Only the channel's refusals start the streak: it decides whose a later delay is (delayCause).
      failingSince: failingSince ?? (channelRefusals.includes(input.cause) ? at : null),
      lastError: input.error.slice(0, 300),
    },
  });
  expectMoved(retried, `placement ${target.placementId} → scheduled`);
  await enqueueJobInTx(tx, publishJob, { placementId: target.placementId }, retryAt);
  const ownerTold = !failingSince && input.cause === 'rights';
  if (ownerTold) {
    await appendEvent(
      tx,
      {
        type: 'placement.rights_lost',
        workspaceId: target.workspaceId,
        placementId: target.placementId,
        channelTitle: target.channelTitle,
        missing: input.missing ?? [],
        graceMinutes: Math.round(lostRightsGraceMs / 60_000),
      },
      at,
    );
  }
  return { kind: 'retry', retryAt, ownerTold };
}

/** What failPlacement needs of a placement. */
export type FailingPlacement = Pick<
  PublishTarget,
  'placementId' | 'orderId' | 'workspaceId' | 'channelTitle'
>;

/**
 * Fails a placement that was not posted (caller's transaction: workspace scope or system; the
 * caller locked it and found it `scheduled` or `publishing`): `failed`, settleOrFailOrder, audit,
 * `placement.failed` (owners and advertiser told why). When `orderFailed`, the caller refunds the
 * order in full.
 */
export async function failPlacement(
  tx: Tx,
  input: { target: FailingPlacement; error: string; cause: PublishFailureCause },
  at: Date,
): Promise<Extract<SendFailure, { kind: 'failed' }>> {
  const { target } = input;
  const error = input.error.slice(0, 300);
  const failed = await transitionPlacement(tx, {
    placementId: target.placementId,
    from: ['scheduled', 'publishing'],
    to: 'failed',
    at,
    set: { sendStartedAt: null, lastError: error },
  });
  expectMoved(failed, `placement ${target.placementId} → failed`);
  const { orderKept, orderFailed } = await settleOrFailOrder(tx, {
    placementId: target.placementId,
    orderId: target.orderId,
    actor,
    reason: input.cause === 'rights' ? 'lost_rights' : 'publish_failed',
    statusReason: error,
    at,
  });
  await recordAudit(tx, {
    actor,
    action: 'placement.failed',
    objectType: 'placement',
    objectId: target.placementId,
    data: { error, cause: input.cause, ...(orderKept ? { orderKeptForDeliveredPosts: true } : {}) },
    at,
    workspaceId: target.workspaceId,
  });
  const [order] = await tx
    .select({ advertiserAccountId: orders.advertiserAccountId })
    .from(orders)
    .where(eq(orders.id, target.orderId));
  await appendEvent(
    tx,
    {
      type: 'placement.failed',
      workspaceId: target.workspaceId,
      placementId: target.placementId,
      orderId: target.orderId,
      advertiserAccountId: order?.advertiserAccountId ?? null,
      channelTitle: target.channelTitle,
      cause: input.cause,
      detail: error,
      refund: orderKept ? 'share' : 'full',
    },
    at,
  );
  return { kind: 'failed', orderId: target.orderId, workspaceId: target.workspaceId, orderFailed };
}
