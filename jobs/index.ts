import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { Agenda } from 'agenda';
import type { Config } from '../config.js';
import type { Metrics } from '../http/metrics.js';
import type { Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import { createOutageLog } from '../models/log-throttle.js';
import { releaseUnstartedJobs } from '../models/platform/job-queue.js';
import type { Logger } from '../models/logger.js';
import type { PaymentProviders } from '../models/providers/create-providers.js';
import type { OutboundGateway } from '../telegram/gateway.js';
import { defineAdminCardJobs, scheduleAdminCardJobs } from './admin-cards.js';
import { defineAnalyticsJobs, scheduleAnalyticsJobs } from './analytics.js';
import { defineChannelSizeJobs, scheduleChannelSizeJobs } from './channel-sizes.js';
import { createEventDispatcher, eventConsumers } from './events.js';
import { defineNotificationJobs } from './notifications.js';
import { defineOrderJobs, scheduleOrderJobs } from './orders.js';
import { definePartnerWebhookJobs } from './partner-webhooks.js';
import { definePlatformJobs, schedulePlatformJobs } from './platform.js';
import { clickTrackingWarning, definePublishJobs } from './publish.js';
import { defineReconcileStarsJobs, scheduleReconcileStarsJobs } from './reconcile-stars.js';
import { defineRefundStatusJobs, scheduleRefundStatusJobs } from './refund-status.js';
import { defineReviewJobs, scheduleReviewJobs } from './review.js';
import { defineSettleJobs } from './settle.js';
import { stoppableBackend } from './stoppable-backend.js';
import { defineSlotJobs, scheduleSlotJobs } from './slots.js';
import { defineSubscriptionJobs, scheduleSubscriptionJobs } from './subscriptions.js';
import { defineVerifyJobs } from './verify.js';
import { createI18n, type Translator } from '../messages/i18n.js';

export interface JobsDeps {
  config: Config;
  database: Database;
  logger: Logger;
  clock: Clock;
  /** Stripe / YooKassa gateways, each present only when configured (absent ⇒ Stars only). */
  providers?: PaymentProviders;
  /** The process's flood-limited way out to Telegram; absent without a bot token (nothing is sent). */
  outbound?: OutboundGateway;
  /** The process's Prometheus metrics the jobs count into (served by the http role's /metrics). */
  metrics?: Pick<Metrics, 'starsReconciled'>;
}

/** The deps of the jobs that write to people: the texts, loaded once per process. */
export type TellingDeps = JobsDeps & { i18n: Translator };

export interface Jobs {
  readonly agenda: Agenda;
  /** Starts processing; recurring jobs are (re)scheduled. */
  start(): Promise<void>;
  /**
   * Stops taking new jobs and waits for running ones (up to timeoutMs, default 5 s: well inside the
   * shutdown deadline); a job still running keeps its lock and is taken again once it expires.
   */
  stop(timeoutMs?: number): Promise<void>;
  isRunning(): boolean;
  /** The LISTEN channel's state ('connected', 'reconnecting', …); undefined when only polling. */
  notificationState(): string | undefined;
  /** Schedules a job at a platform time (Agenda keeps real time; the test clock offset is removed). */
  scheduleAt(name: string, data: Record<string, unknown>, at: Date): Promise<void>;
}

/** Agenda on the application's PostgreSQL (its own agenda_jobs table), with every job defined. */
export function createJobs(deps: JobsDeps): Jobs {
  const embedded = !deps.config.databaseUrl;
  const backend = new PostgresBackend({
    pool: deps.database.pool,
    // PGlite served over pglite-socket never delivers NOTIFY: poll instead (~1 s).
    disableNotifications: embedded,
  });
  // Unique per instance (a test or a restart may make another in the same process): what this
  // worker locked and never started is released by name when it stops.
  const worker = `lytslot-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const taking = stoppableBackend(backend);
  const agenda = new Agenda({
    backend: taking.backend,
    name: worker,
    // The test clock moves due times in the table; poll often so jobs follow within a second.
    processEvery: deps.config.testClock ? 500 : embedded ? 1000 : 5000,
    maxConcurrency: 20,
    // A worker locks no more jobs than it can run (each definition's lock limit is its
    // concurrency, see defineJob): the rest stay free for other workers and for a restart.
    lockLimit: 20,
    defaultConcurrency: 5,
    defaultLockLifetime: 5 * 60_000,
  });
  const log = deps.logger.child({ role: 'jobs' });
  // While the database is away every poll of every job fails: one line per source a minute.
  const outages = createOutageLog(log);
  agenda.on('error', (err) => outages.error('agenda', err, {}, 'agenda error'));
  // The LISTEN channel re-emits its connection's errors and has no listener of its own: without
  // one, a server restart (57P01) would end the process. Its error handler also stays on the
  // connection after it goes back to the pool. The channel reconnects by itself; log and go on.
  backend.notificationChannel?.on('error', (err) =>
    outages.warn('notification-channel', err, {}, 'job notification channel error'),
  );
  agenda.on('fail', (err, job) => {
    const name = job.attrs?.name;
    if (err instanceof Error) outages.error(`job:${name}`, err, { job: name }, 'job failed');
  });
  definePlatformJobs(agenda, deps);
  defineSlotJobs(agenda, deps);
  defineChannelSizeJobs(agenda, deps);
  defineAnalyticsJobs(agenda, deps);
  const telling: TellingDeps = { ...deps, i18n: createI18n() };
  defineOrderJobs(agenda, telling);
  defineReviewJobs(agenda, telling);
  definePublishJobs(agenda, deps);
  defineNotificationJobs(agenda, telling);
  defineSettleJobs(agenda, deps);
  defineVerifyJobs(agenda, deps);
  defineAdminCardJobs(agenda, telling);
  defineSubscriptionJobs(agenda, deps);
  defineRefundStatusJobs(agenda, deps);
  defineReconcileStarsJobs(agenda, deps);
  definePartnerWebhookJobs(agenda, deps);

  // Domain events become notifications and admin cards (and, later, webhooks and analytics) here.
  const events = createEventDispatcher({
    database: deps.database,
    logger: log,
    outages,
    consumers: eventConsumers,
    pollMs: deps.config.testClock ? 200 : 500,
  });

  let running = false;
  return {
    agenda,
    async start() {
      // Recurring jobs are (re)scheduled before processing starts, all at once: each is one
      // upsert, where after start each also woke the processor (NOTIFY, or on PGlite a poll)
      // and the first runs of the due ones took the embedded database's one session in turn.
      await Promise.all([
        schedulePlatformJobs(agenda),
        scheduleSlotJobs(agenda),
        scheduleChannelSizeJobs(agenda),
        scheduleAnalyticsJobs(agenda),
        scheduleOrderJobs(agenda),
        scheduleReviewJobs(agenda),
        scheduleSubscriptionJobs(agenda),
        scheduleRefundStatusJobs(agenda),
        scheduleReconcileStarsJobs(agenda),
        scheduleAdminCardJobs(agenda),
      ]);
      await agenda.start();
      events.start();
      running = true;
      log.info('jobs started');
      const tracking = clickTrackingWarning(deps.config);
      if (tracking) log.warn(tracking.fields, tracking.message);
    },
    async stop(timeoutMs = 5_000) {
      if (!running) return;
      running = false;
      await events.stop();
      await taking.stopTaking();
      const drained = await agenda.drain(timeoutMs);
      // Taken but never started: free them now rather than after their lock lifetime.
      const released = await releaseUnstartedJobs(deps.database.db, worker).catch((err) => {
        log.warn({ err }, 'could not release the jobs this worker took; they wait out their locks');
        return 0;
      });
      log.info({ drained, released }, 'jobs stopped');
    },
    isRunning: () => running,
    notificationState: () => backend.notificationChannel?.state,
    async scheduleAt(name, data, at) {
      await agenda.schedule(new Date(at.getTime() - deps.clock.offsetMs()), name, data);
    },
  };
}
