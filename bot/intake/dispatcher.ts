import { setMaxListeners } from 'node:events';
import type { Logger } from '../../models/logger.js';
import type { IntakeUpdate } from '../../models/intake/order-key.js';
import type { IntakeStore, StoredUpdate } from '../../models/intake/store.js';

/** How often a failing update is tried again before it is parked for an admin. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before attempt 2, 3, …; the last value repeats. */
  delaysMs: readonly number[];
  /** Longest wait between tries while the store itself is unreachable (an outage). */
  outageMaxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  delaysMs: [2_000, 10_000, 30_000],
  outageMaxMs: 30_000,
};

export type FailureVerdict = 'retry' | 'park' | 'finish' | 'outage';

export interface DispatcherOptions {
  /** Where a finished update is marked done and a failed attempt counted. */
  store: Pick<IntakeStore, 'complete' | 'fail'>;
  /** Handles one update; throwing means "not handled" (it is tried again). */
  handle: (update: IntakeUpdate) => Promise<void>;
  /** Called once when an update is parked, with the last error (tell the user, the admins). */
  onParked: (stored: StoredUpdate, error: unknown) => Promise<void>;
  logger: Logger;
  retry?: RetryPolicy;
  /**
   * What a failure means: 'retry' (default: the cause may pass), 'park' (trying again cannot help;
   * an admin decides), 'finish' (nothing left to do, e.g. the user blocked the bot) or 'outage'
   * (the database was unreachable: the update's fault it is not, so the attempt is not counted and
   * the update waits as in a store outage — a paid update is never parked by a flapping database).
   */
  classify?: (error: unknown) => FailureVerdict;
  /** What of an error may be logged (e.g. a BotError's cause without its context). */
  loggable?: (error: unknown) => unknown;
  /** Outcome counter hook (/metrics). */
  count?: (outcome: 'handled' | 'retried' | 'parked') => void;
}

export interface Dispatcher {
  /**
   * Handles a stored update after every earlier update of its key (per-chat order), retrying with
   * backoff; resolves once it is done or parked, or when the dispatcher stops.
   */
  run(stored: StoredUpdate): Promise<void>;
  /** Update ids accepted and not finished yet (their leases are kept alive). */
  held(): number[];
  /**
   * Stops taking updates and retrying; what was accepted is still handled until timeoutMs, then
   * left in the store for the next start. False when something was left.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Per-key FIFO handling of stored updates. A failed attempt is counted in the store; when the
 * store cannot even record it, the fault is an outage, not the update's, and nothing is counted:
 * the update waits (growing backoff) until the store answers again. Unfinished updates stay in
 * the store when the dispatcher stops, for the next process to take.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, logger } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const loggable = options.loggable ?? ((error: unknown) => error);
  const classify = options.classify ?? (() => 'retry' as const);
  const tails = new Map<string, Promise<void>>();
  const held = new Set<number>();
  let halted = false;
  const stopping = new AbortController();
  // Every update waiting out a backoff or an outage listens on it: as many as are in flight.
  setMaxListeners(0, stopping.signal);
  let storeDown = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopping.signal.addEventListener('abort', done, { once: true });
    });

  /**
   * The store failed: log the outage once, then wait (doubling, up to outageMaxMs). Resolves with
   * the next wait, or undefined when the dispatcher is stopping and the caller should give up.
   */
  async function outage(error: unknown, waitMs: number): Promise<number | undefined> {
    if (!storeDown) logger.warn({ err: loggable(error) }, 'update intake unreachable; waiting');
    storeDown = true;
    if (stopping.signal.aborted) return undefined;
    await sleep(waitMs);
    return Math.min(waitMs * 2, retry.outageMaxMs);
  }

  /** Marks the update done, waiting out an outage; once stopping, a failure leaves it pending. */
  async function finish(updateId: number): Promise<void> {
    let waitMs: number | undefined = Math.min(500, retry.outageMaxMs);
    while (waitMs !== undefined) {
      try {
        await store.complete(updateId);
        if (storeDown) logger.info('update intake reachable again');
        storeDown = false;
        options.count?.('handled');
        return;
      } catch (error) {
        waitMs = await outage(error, waitMs);
      }
    }
  }

  async function attempt(stored: StoredUpdate): Promise<void> {
    const updateId = stored.update.update_id;
    let attempts = stored.attempts;
    let outageWaitMs: number | undefined = Math.min(500, retry.outageMaxMs);
    while (!halted) {
      let failure: { error: unknown } | undefined;
      try {
        await options.handle(stored.update);
      } catch (error) {
        failure = { error };
      }
      if (!failure) return finish(updateId);
      const verdict = classify(failure.error);
      if (verdict === 'outage') {
        outageWaitMs = await outage(failure.error, outageWaitMs ?? retry.outageMaxMs);
        if (outageWaitMs === undefined) return;
        continue;
      }
      if (verdict === 'finish') {
        logger.warn(
          { err: loggable(failure.error), update_id: updateId },
          'update handling failed for good; nothing to retry',
        );
        return finish(updateId);
      }
      const park = verdict === 'park' || attempts + 1 >= retry.attempts;
      try {
        await store.fail(updateId, {
          attempts: attempts + 1,
          error: describe(loggable(failure.error)),
          park,
        });
      } catch (storeError) {
        // The store is down too: an outage, so this attempt does not count against the update.
        outageWaitMs = await outage(storeError, outageWaitMs ?? retry.outageMaxMs);
        if (outageWaitMs === undefined) return;
        continue;
      }
      attempts += 1;
      if (park) {
        logger.error(
          { err: loggable(failure.error), update_id: updateId, attempts },
          'update parked after repeated failures',
        );
        options.count?.('parked');
        await options
          .onParked({ ...stored, attempts }, failure.error)
          .catch((error: unknown) =>
            logger.error({ err: error, update_id: updateId }, 'could not report a parked update'),
          );
        return;
      }
      const delayMs = retry.delaysMs[Math.min(attempts - 1, retry.delaysMs.length - 1)] ?? 1_000;
      logger.warn(
        { err: loggable(failure.error), update_id: updateId, attempts, retry_in_ms: delayMs },
        'update handling failed; will retry',
      );
      options.count?.('retried');
      if (stopping.signal.aborted) return; // stopping: the next start tries again
      await sleep(delayMs);
    }
  }

  return {
    run(stored) {
      const updateId = stored.update.update_id;
      if (held.has(updateId) || stopping.signal.aborted) return Promise.resolve();
      held.add(updateId);
      const previous = tails.get(stored.orderKey) ?? Promise.resolve();
      const next = previous.then(() => attempt(stored));
      tails.set(stored.orderKey, next);
      return next.finally(() => {
        held.delete(updateId);
        if (tails.get(stored.orderKey) === next) tails.delete(stored.orderKey);
      });
    },
    held: () => [...held],
    async stop(timeoutMs) {
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const drained = Promise.all([...tails.values()]).then(() => true as const);
      const result = await Promise.race([drained, timedOut]);
      clearTimeout(timer);
      halted = true;
      return result;
    },
  };
}
