import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BotError, GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { reportParkedUpdate } from '../../models/intake/parked.js';
import { chargeOf, updateKind, type IntakeUpdate } from '../../models/intake/order-key.js';
import { createPgIntakeStore, type IntakeStore } from '../../models/intake/store.js';
import type { BotContext, BotDeps } from '../context.js';
import {
  createDispatcher,
  type Dispatcher,
  type FailureVerdict,
  type RetryPolicy,
} from './dispatcher.js';
import type { Logger } from '../../models/logger.js';
import { isDatabaseOutage } from '../../models/db-outage.js';

/** What /metrics learns from the intake. */
export interface IntakeMetrics {
  received(kind: string): void;
  outcome(outcome: 'handled' | 'retried' | 'parked'): void;
  parked(count: number): void;
}

export interface IntakeOptions {
  /** The store (default: the update_intake table of deps.database). */
  store?: IntakeStore;
  retry?: RetryPolicy;
  metrics?: IntakeMetrics;
  /** Lease of a claimed update; renewed at a third of it while this process lives. */
  leaseMs?: number;
  /** How often unleased unfinished updates (a dead process's) are looked for. */
  sweepMs?: number;
}

export interface Intake {
  /**
   * Stores updates durably, then starts handling the new ones (per-chat order). Resolves once
   * stored: only then may they be acknowledged to Telegram. Throws when they could not be stored.
   */
  accept(updates: IntakeUpdate[]): Promise<void>;
  /** Takes unfinished updates (with takeover every one; else those no live process leases). */
  recover(takeover: boolean): Promise<number>;
  /** Updates accepted here and not finished yet (fetching pauses while there are too many). */
  backlog(): number;
  /** Stops taking and retrying; waits up to timeoutMs for running handlers. */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Telegram redelivers an unacknowledged update for up to 24 h; finished ones are kept twice that. */
const rememberFinishedMs = 48 * 3600_000;
const purgeEveryMs = 3600_000;
const claimBatch = 500;

/**
 * The bot's durable intake (docs/bot.md): every update is stored before it is acknowledged, handled
 * one after another per chat in update_id order, retried with backoff when its handler throws,
 * parked for the admins after the last attempt (the user is told), and leaves the store only
 * when finished. A redelivered update that was stored before is not handled again.
 */
export function createIntake(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: IntakeOptions = {},
): Intake {
  const log = deps.logger.child({ part: 'intake' });
  const { metrics } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = options.store ?? createPgIntakeStore(deps.database, { owner, leaseMs });
  const refreshParked = () => {
    if (!metrics) return;
    store.parkedCount().then(
      (count) => metrics.parked(count),
      () => undefined,
    );
  };
  const dispatcher = createBotDispatcher(bot, deps, {
    store,
    logger: log,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(metrics ? { metrics } : {}),
    onParked: refreshParked,
  });

  async function recover(takeover: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await store.claim({ takeover, limit: claimBatch });
      for (const stored of claimed) void dispatcher.run(stored);
      total += claimed.length;
      if (claimed.length < claimBatch) break;
    }
    if (total > 0) log.info({ count: total, takeover }, 'resuming unfinished updates');
    return total;
  }

  const timers = [
    setInterval(() => void store.renew(dispatcher.held()).catch(() => undefined), leaseMs / 3),
    setInterval(() => {
      recover(false).catch(() => undefined);
      refreshParked();
    }, options.sweepMs ?? 30_000),
    setInterval(() => {
      store
        .purge(rememberFinishedMs)
        .catch((err: unknown) => log.warn({ err }, 'could not purge finished updates'));
    }, purgeEveryMs),
  ];
  for (const timer of timers) timer.unref();
  refreshParked();

  return {
    async accept(updates) {
      const fresh = await store.append(updates);
      for (const stored of fresh) {
        noteReceived(log, metrics, stored.update);
        void dispatcher.run(stored);
      }
    },
    recover,
    backlog: () => dispatcher.held().length,
    async stop(timeoutMs) {
      for (const timer of timers) clearInterval(timer);
      return dispatcher.stop(timeoutMs);
    },
  };
}

/** A new update was stored: counted by kind; a payment's charge gets a log line (the audit trail). */
export function noteReceived(
  log: Logger,
  metrics: IntakeMetrics | undefined,
  update: IntakeUpdate,
): void {
  const charge = chargeOf(update);
  if (charge) {
    const { chargeId, ...rest } = charge;
    log.info(
      { update_id: update.update_id, charge_id: chargeId, ...rest },
      'payment update stored',
    );
  }
  metrics?.received(updateKind(update));
}

/**
 * The dispatcher with the bot's handling: the update goes through bot.handleUpdate, failures are
 * classified (classifyFailure), a parked update is reported to the admins and its user told once.
 * The sharded workers build theirs the same way over the Redis Streams store.
 */
export function createBotDispatcher(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: {
    store: Pick<IntakeStore, 'complete' | 'fail'>;
    logger: Logger;
    retry?: RetryPolicy;
    metrics?: IntakeMetrics;
    onParked?: () => void;
    /** Runs one update's handling (default bot.handleUpdate); the workers wrap it in a reply journal. */
    handle?: (update: IntakeUpdate) => Promise<void>;
  },
): Dispatcher {
  const handle =
    options.handle ?? ((update: IntakeUpdate) => bot.handleUpdate(update as unknown as Update));
  return createDispatcher({
    store: options.store,
    logger: options.logger,
    ...(options.retry ? { retry: options.retry } : {}),
    handle,
    // A BotError carries its context (the Api with the token, the user's update): log the cause.
    loggable: (error) => (error instanceof BotError ? error.error : error),
    classify: (error) => classifyFailure(error instanceof BotError ? error.error : error),
    count: (outcome) => options.metrics?.outcome(outcome),
    onParked: async (stored, error) => {
      await reportParkedUpdate(deps.database, {
        updateId: stored.update.update_id,
        at: deps.clock.now(),
      });
      options.onParked?.();
      // The user hears what the error boundary says (in a private chat), once, at the end.
      if (error instanceof BotError) await bot.errorHandler(error as BotError<BotContext>);
    },
  });
}

/**
 * Telegram's refusals are final: a 403 (the user blocked the bot, the bot left the chat) or an
 * expired callback/pre-checkout query leaves nothing to do; any other 400 would be refused again,
 * so the update goes to the admins at once. A database that could not be reached (a connection
 * refused, or lost under a query — pooled connections die with an outage) is an outage: the
 * update waits without using up its attempts. Everything else (network, 5xx) is retried.
 */
export function classifyFailure(error: unknown): FailureVerdict {
  if (isDatabaseOutage(error)) return 'outage';
  if (!(error instanceof GrammyError)) return 'retry';
  if (error.error_code === 403) return 'finish';
  if (error.error_code !== 400) return 'retry';
  return /query is too old|query id is invalid/i.test(error.description) ? 'finish' : 'park';
}
