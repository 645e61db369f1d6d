import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { webhookEvents } from './table.js';

export interface WebhookEventInput {
  /** 'stripe' | 'yookassa' | … */
  provider: string;
  /** The provider's event id (Stripe `evt_…`; YooKassa: event + object id). */
  eventId: string;
  payload: unknown;
}

export type WebhookOnceOutcome = 'processed' | 'duplicate';

const reason = 'webhooks: record a provider event exactly once';

/**
 * Records a provider event and runs `handle` in the SAME app_system transaction: either both
 * happen or neither (a crash or a throw leaves the event unrecorded, so the provider's retry
 * runs it again). A delivery of an event already recorded — or recorded concurrently and
 * committed first (the unique key makes the second insert wait) — is a 'duplicate' and does nothing.
 */
export async function processWebhookOnce(
  database: Database,
  input: WebhookEventInput,
  handle: (tx: Tx) => Promise<void>,
  clock?: Clock,
): Promise<WebhookOnceOutcome> {
  return database.withSystem(reason, async (tx) => {
    const at = clock?.now();
    const inserted = await tx
      .insert(webhookEvents)
      .values({
        provider: input.provider,
        eventId: input.eventId,
        payload: (input.payload ?? {}) as object,
        ...(at ? { receivedAt: at } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    const row = inserted[0];
    if (!row) return 'duplicate';
    await handle(tx);
    await tx
      .update(webhookEvents)
      .set({ processedAt: at ?? sql`now()` })
      .where(eq(webhookEvents.id, row.id));
    return 'processed';
  });
}

/** In-process queue per event key: concurrent deliveries of one event run one after another. */
const running = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = running.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  const tail = next.catch(() => undefined);
  running.set(key, tail);
  void tail.then(() => {
    if (running.get(key) === tail) running.delete(key);
  });
  return next;
}

/**
 * For events whose handling spans several use-cases (each its own transaction, each idempotent
 * per provider object): an event already processed is a 'duplicate'; otherwise `handle` runs and
 * only after it succeeds is the event marked processed. A throw leaves it unprocessed (the
 * provider retries). Concurrent deliveries of one event are serialized in this process; across
 * processes the use-cases' own idempotency (unique provider ids, row locks) keeps effects single.
 */
export async function processWebhookAfter(
  database: Database,
  input: WebhookEventInput,
  handle: () => Promise<void>,
  clock: Clock,
): Promise<WebhookOnceOutcome> {
  return serialized(`${input.provider}:${input.eventId}`, async () => {
    const done = await database.withSystem(reason, (tx) =>
      tx
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(
          and(
            eq(webhookEvents.provider, input.provider),
            eq(webhookEvents.eventId, input.eventId),
            isNotNull(webhookEvents.processedAt),
          ),
        ),
    );
    if (done.length > 0) return 'duplicate';
    await handle();
    return database.withSystem(reason, async (tx) => {
      const at = clock.now();
      const inserted = await tx
        .insert(webhookEvents)
        .values({
          provider: input.provider,
          eventId: input.eventId,
          payload: (input.payload ?? {}) as object,
          receivedAt: at,
          processedAt: at,
        })
        .onConflictDoUpdate({
          target: [webhookEvents.provider, webhookEvents.eventId],
          set: { processedAt: at },
          setWhere: isNull(webhookEvents.processedAt),
        })
        .returning({ id: webhookEvents.id });
      return inserted.length > 0 ? 'processed' : 'duplicate';
    });
  });
}
