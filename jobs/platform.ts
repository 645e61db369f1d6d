import type { Agenda } from 'agenda';
import { z } from 'zod';
import { recordHeartbeat } from '../models/heartbeats/record-heartbeat.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const heartbeatJob = 'platform.heartbeat';

/** Platform housekeeping: a heartbeat row every minute proves the jobs role is alive (/readyz reads it). */
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
}

/** Schedules the recurring platform jobs (idempotent: `every` upserts a single job per name). */
export async function schedulePlatformJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', heartbeatJob);
}
