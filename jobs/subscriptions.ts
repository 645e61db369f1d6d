import type { Agenda } from 'agenda';
import { z } from 'zod';
import {
  expireSubscriptions,
  remindSubscriptionEnding,
} from '../models/subscriptions/expire-subscriptions.js';
import { expireSubscriptionsJob, remindSubscriptionJob } from '../models/subscriptions/jobs.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

const expireData = z.object({
  workspaceId: z.string().uuid().optional(),
  batchSize: z.number().int().min(1).max(5000).optional(),
});
const remindData = z.object({
  workspaceId: z.string().uuid(),
  planExpiresAt: z.string().datetime(),
});

/**
 * `subscriptions.expire` (every 5 minutes, and one-off at each paid period's end so it follows the
 * test clock exactly): ended Pro periods go back to Free, extra channels paused, owner told.
 * `subscriptions.remind`: the 3-days-before reminder of a one-off (non-renewing) period.
 */
export function defineSubscriptionJobs(agenda: Agenda, deps: JobsDeps): void {
  defineJob(agenda, deps.logger, {
    name: expireSubscriptionsJob,
    data: expireData,
    concurrency: 1,
    run: async (data) => {
      const expired = await expireSubscriptions(deps.database, deps.clock, {
        ...(data.workspaceId ? { workspaceId: data.workspaceId } : {}),
        ...(data.batchSize ? { batchSize: data.batchSize } : {}),
      });
      if (expired.length > 0)
        deps.logger.info({ job: expireSubscriptionsJob, expired: expired.length }, 'Pro expired');
    },
  });
  defineJob(agenda, deps.logger, {
    name: remindSubscriptionJob,
    data: remindData,
    run: async (data) => {
      await remindSubscriptionEnding(
        deps.database,
        { workspaceId: data.workspaceId, planExpiresAt: new Date(data.planExpiresAt) },
        deps.clock,
      );
    },
  });
}

/** Schedules the recurring sweep (idempotent: `every` keeps one job per name). */
export async function scheduleSubscriptionJobs(agenda: Agenda): Promise<void> {
  await agenda.every('5 minutes', expireSubscriptionsJob, {});
}
