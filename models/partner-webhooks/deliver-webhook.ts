import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { appendEvent } from '../outbox/events.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { workspaces } from '../workspaces/table.js';
import type { WebhookTargetPolicy } from './endpoint-url.js';
import { postWebhook, type PostOutcome } from './post-webhook.js';
import { signWebhook } from './signature.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './table.js';

/** The Agenda job that makes one attempt of a delivery (data `{ deliveryId }`). */
export const webhookDeliverJob = 'webhooks.deliver';
/** Sent as User-Agent with every delivery. */
export const webhookUserAgent = 'LytSlot-Webhooks/1.0 (+https://lytslot.dev/docs/api#webhooks)';
/** Waits after the 1st, 2nd, … failed attempt; the last one repeats until the window closes. */
export const retryDelaysMs = [60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000];
/** A delivery is given up once its next attempt would fall later than this after its creation. */
export const deliveryWindowMs = 24 * 3_600_000;
/** Deliveries given up in a row that switch an endpoint off (a success resets the count). */
export const maxConsecutiveFailures = 5;

export type DeliveryOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retry'; at: Date; attempt: number }
  | { kind: 'failed'; endpointDisabled: boolean }
  /** Nothing to send: no such delivery, already final, or its endpoint is off. */
  | { kind: 'moot' };

export interface DeliverWebhookDeps {
  database: Database;
  clock: Clock;
  policy: WebhookTargetPolicy;
  /** Per attempt; default webhookTimeoutMs (10 s). */
  timeoutMs?: number;
}

/** When to try again after failed attempt `attempt` (1-based) at `now`; undefined: give up. */
export function nextAttemptAt(createdAt: Date, attempt: number, now: Date): Date | undefined {
  const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1]!;
  const at = new Date(now.getTime() + delay);
  return at.getTime() > createdAt.getTime() + deliveryWindowMs ? undefined : at;
}

const success = (outcome: PostOutcome) =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

function errorOf(outcome: PostOutcome): string | null {
  if (outcome.error !== null) return outcome.error;
  if (outcome.statusCode !== null && outcome.statusCode >= 300 && outcome.statusCode < 400)
    return 'redirect not followed';
  return success(outcome) ? null : `answered ${outcome.statusCode}`;
}

async function loadDelivery(database: Database, deliveryId: string) {
  return database.withSystem('webhooks: read a delivery', async (tx) => {
    const [row] = await tx
      .select({
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        body: webhookDeliveries.body,
        eventId: webhookDeliveries.eventId,
        createdAt: webhookDeliveries.createdAt,
        workspaceId: webhookDeliveries.workspaceId,
        accountId: webhookDeliveries.accountId,
        endpointId: webhookEndpoints.id,
        endpointStatus: webhookEndpoints.status,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .limit(1);
    return row;
  });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

/** Gives a delivery up; its endpoint's failures in a row grow and past the limit switch it off. */
async function giveUp(tx: Tx, deliveryId: string, loaded: Loaded, now: Date): Promise<boolean> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null })
    .where(eq(webhookDeliveries.id, deliveryId));
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
    .where(eq(webhookEndpoints.id, loaded.endpointId))
    .returning({
      failures: webhookEndpoints.consecutiveFailures,
      status: webhookEndpoints.status,
      workspaceId: webhookEndpoints.workspaceId,
      accountId: webhookEndpoints.accountId,
      url: webhookEndpoints.url,
    });
  if (!endpoint || endpoint.status !== 'enabled' || endpoint.failures < maxConsecutiveFailures)
    return false;
  await tx
    .update(webhookEndpoints)
    .set({ status: 'disabled', disabledAt: now, disabledReason: 'failing', updatedAt: now })
    .where(eq(webhookEndpoints.id, loaded.endpointId));
  let ownerAccountId = endpoint.accountId;
  if (endpoint.workspaceId !== null) {
    const [workspace] = await tx
      .select({ owner: workspaces.ownerAccountId })
      .from(workspaces)
      .where(eq(workspaces.id, endpoint.workspaceId));
    ownerAccountId = workspace?.owner ?? null;
  }
  if (ownerAccountId !== null)
    await appendEvent(
      tx,
      {
        type: 'webhook_endpoint.disabled',
        workspaceId: endpoint.workspaceId,
        endpointId: loaded.endpointId,
        ownerAccountId,
        url: endpoint.url,
        failedDeliveries: endpoint.failures,
      },
      now,
    );
  return true;
}

/** Records an attempt and what follows it, in one transaction (a racing attempt records nothing). */
async function recordAttempt(
  deps: DeliverWebhookDeps,
  deliveryId: string,
  loaded: Loaded,
  at: Date,
  outcome: PostOutcome,
): Promise<DeliveryOutcome> {
  const attempt = loaded.attempts + 1;
  return deps.database.withSystem('webhooks: record an attempt', async (tx) => {
    const [current] = await tx
      .select({ status: webhookDeliveries.status, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update');
    if (!current || current.status !== 'pending' || current.attempts !== loaded.attempts)
      return { kind: 'moot' } as const;
    const error = errorOf(outcome);
    await tx.insert(webhookAttempts).values({
      deliveryId,
      workspaceId: loaded.workspaceId,
      accountId: loaded.accountId,
      attempt,
      at,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      error,
    });
    const recorded = { attempts: attempt, lastStatusCode: outcome.statusCode, lastError: error };
    const now = deps.clock.now();
    if (error === null) {
      await tx
        .update(webhookDeliveries)
        .set({ ...recorded, status: 'delivered', deliveredAt: now, nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      await tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: 0 })
        .where(eq(webhookEndpoints.id, loaded.endpointId));
      return { kind: 'delivered', statusCode: outcome.statusCode! } as const;
    }
    await tx.update(webhookDeliveries).set(recorded).where(eq(webhookDeliveries.id, deliveryId));
    const next = nextAttemptAt(loaded.createdAt, attempt, now);
    if (next === undefined)
      return {
        kind: 'failed',
        endpointDisabled: await giveUp(tx, deliveryId, loaded, now),
      } as const;
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: next })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
    await enqueueJobInTx(tx, webhookDeliverJob, { deliveryId }, next);
    return { kind: 'retry', at: next, attempt: attempt + 1 } as const;
  });
}

/**
 * Makes one attempt of a pending delivery: POSTs its fixed body signed now (`LytSlot-Signature`
 * with the current secret, and the previous one during a rotation's overlap) and records the
 * attempt. A 2xx delivers it; anything else queues the next attempt with backoff (retryDelaysMs)
 * in the same transaction, until 24 h after its creation; then it is failed, and an endpoint
 * whose deliveries were given up 5 times in a row is switched off (`webhook_endpoint.disabled`
 * tells its owner). An endpoint switched off meanwhile fails its pending deliveries unsent.
 */
export async function deliverWebhook(
  deps: DeliverWebhookDeps,
  deliveryId: string,
): Promise<DeliveryOutcome> {
  const loaded = await loadDelivery(deps.database, deliveryId);
  if (!loaded || loaded.status !== 'pending') return { kind: 'moot' };
  if (loaded.endpointStatus !== 'enabled') {
    await deps.database.withSystem('webhooks: endpoint off', (tx) =>
      tx
        .update(webhookDeliveries)
        .set({ status: 'failed', nextAttemptAt: null, lastError: 'endpoint disabled' })
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending'))),
    );
    return { kind: 'moot' };
  }
  const at = deps.clock.now();
  // Signed with the wall clock the partner checks `t` against: the sandbox's test clock may run
  // ahead of it (in production the two are the same).
  const timestamp = Math.floor((at.getTime() - deps.clock.offsetMs()) / 1000);
  const secrets = [loaded.secret];
  if (loaded.previousSecret && (loaded.previousSecretExpiresAt?.getTime() ?? 0) > at.getTime())
    secrets.push(loaded.previousSecret);
  const outcome = await postWebhook({
    url: loaded.url,
    body: loaded.body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': webhookUserAgent,
      'LytSlot-Event-Id': `evt_${loaded.eventId}`,
      'LytSlot-Signature': signWebhook(loaded.body, secrets, timestamp),
    },
    allowPrivate: deps.policy.allowPrivate,
    timeoutMs: deps.timeoutMs,
  });
  return recordAttempt(deps, deliveryId, loaded, at, outcome);
}
