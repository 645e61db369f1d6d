import type { Agenda } from 'agenda';
import { z } from 'zod';
import { runRollups } from '../models/analytics/rollups.js';
import { dropExpiredEvents } from '../models/analytics/retention.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const rollupJob = 'analytics.rollup';
export const retentionJob = 'analytics.retention';

/**
 * `analytics.rollup` (every minute): recomputes the hourly and daily buckets of the placements
 * whose events were written since its watermark, catching up after downtime step by step
 * (models/analytics/rollups.ts). `analytics.retention` (daily, and once at start): drops raw-event
 * months older than 13 months (the rollups stay), then refreshes the planner's statistics
 * (`database.analyze()`: embedded PGlite has no autovacuum to do it).
 */
export function defineAnalyticsJobs(agenda: Agenda, deps: JobsDeps): void {
  const log = deps.logger.child({ role: 'jobs' });
  defineJob(agenda, deps.logger, {
    name: rollupJob,
    data: z.object({}),
    concurrency: 1,
    lockLifetimeMs: 10 * 60_000,
    run: async () => {
      const run = await runRollups(deps.database);
      if (run.buckets > 0) log.debug({ ...run, job: rollupJob }, 'rollups updated');
    },
  });
  defineJob(agenda, deps.logger, {
    name: retentionJob,
    data: z.object({}),
    concurrency: 1,
    run: async () => {
      const dropped = await dropExpiredEvents(deps.database, deps.clock.now());
      if (dropped.length) log.info({ dropped, job: retentionJob }, 'old raw events dropped');
      await deps.database.analyze();
    },
  });
}

export async function scheduleAnalyticsJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', rollupJob, {});
  await agenda.every('1 day', retentionJob, {});
}
