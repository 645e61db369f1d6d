import type { Agenda } from 'agenda';
import { z } from 'zod';
import { purgeIdempotencyKeys } from '../models/api-idempotency/idempotency.js';
import { ensureEventPartitions } from '../models/events/ensure-partitions.js';
import { recordHeartbeat } from '../models/heartbeats/record-heartbeat.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const heartbeatJob = 'platform.heartbeat';
export const eventPartitionsJob = 'events.ensure-partitions';
export const purgeIdempotencyJob = 'api.purge-idempotency';

/**
 * Platform housekeeping: a heartbeat row every minute proves the jobs role is alive (/readyz reads
 * it); once a day the events table gets its monthly partitions for this month and the next two (rows
 * outside them would land in the DEFAULT partition, which BRIN and pruning serve badly); every hour
 * the partner API's Idempotency-Keys older than 24 hours are deleted.
 */
export function definePlatformJobs(agenda: Agenda, deps: JobsDeps): void {
  defineJob(agenda, deps.logger, {
    name: heartbeatJob,
    data: z.object({}).passthrough(),
    run: async () => {
      await deps.database.withScope({}, (tx) =>
        recordHeartbeat(tx, heartbeatJob, deps.clock.now()),
      );
    },
  });
  defineJob(agenda, deps.logger, {
    name: eventPartitionsJob,
    data: z.object({}).passthrough(),
    run: async () => {
      await deps.database.withSystem('create monthly events partitions', (tx) =>
        ensureEventPartitions(tx, deps.clock.now(), 2),
      );
    },
  });
  defineJob(agenda, deps.logger, {
    name: purgeIdempotencyJob,
    data: z.object({}).passthrough(),
    run: async () => {
      const purged = await purgeIdempotencyKeys(deps.database, deps.clock);
      if (purged > 0)
        deps.logger.info({ job: purgeIdempotencyJob, purged }, 'idempotency keys purged');
    },
  });
}

/** Schedules the recurring platform jobs (idempotent: `every` upserts a single job per name). */
export async function schedulePlatformJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', heartbeatJob);
  await agenda.every('1 day', eventPartitionsJob);
  await agenda.every('1 hour', purgeIdempotencyJob);
}
