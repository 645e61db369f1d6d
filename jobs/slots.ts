import type { Agenda } from 'agenda';
import { z } from 'zod';
import { extendSlotHorizons } from '../models/slots/extend-slot-horizons.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const extendSlotsJob = 'slots.extend';

const extendData = z.object({ batchSize: z.number().int().min(1).max(5000).optional() });

/** Slot jobs: `slots.extend` keeps every channel's slots materialized for its horizon (platform time). */
export function defineSlotJobs(agenda: Agenda, deps: JobsDeps): void {
  defineJob(agenda, deps.logger, {
    name: extendSlotsJob,
    data: extendData,
    lockLifetimeMs: 30 * 60_000,
    run: async (data) => {
      const summary = await extendSlotHorizons(deps.database, deps.clock.now(), {
        ...(data.batchSize ? { batchSize: data.batchSize } : {}),
      });
      deps.logger.info({ job: extendSlotsJob, ...summary }, 'slot horizons extended');
    },
  });
}

/** Schedules the daily horizon extension (also runs once at start; `every` keeps one job per name). */
export async function scheduleSlotJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 day', extendSlotsJob, {});
}
