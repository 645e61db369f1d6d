import type { Agenda } from 'agenda';
import { z } from 'zod';
import { reviewCardJob, sendReviewCard } from '../messages/review-card.js';
import { defineJob } from './define-job.js';
import type { TellingDeps } from './index.js';
import { createJobScheduler, dropOrRetry } from './notifications.js';

const reviewCardData = z.object({
  workspaceId: z.string().uuid(),
  orderId: z.string().uuid(),
  accountId: z.string().uuid(),
  attempt: z.number().int().min(0).default(0),
});

/**
 * `orders.send-review-card` (one-off, queued by the review-cards consumer): one owner's or
 * manager's review card through the outbound gateway — nothing once the order left review. Like a
 * notification it never throws: a refusal (blocked, chat gone) is dropped, other failures are
 * re-queued with backoff up to maxNotificationAttempts (the whole card again: preview and details).
 */
export function defineReviewCardJob(agenda: Agenda, deps: TellingDeps): void {
  const log = deps.logger.child({ job: reviewCardJob });
  const retry = {
    schedule: createJobScheduler(agenda, deps.clock),
    clock: deps.clock,
    log,
    job: reviewCardJob,
    what: 'review card',
  };
  defineJob(agenda, deps.logger, {
    name: reviewCardJob,
    data: reviewCardData,
    concurrency: 10,
    run: async (data) => {
      const api = deps.outbound?.api;
      if (!api) return log.debug({ orderId: data.orderId }, 'no bot token: review card skipped');
      const { i18n } = deps;
      const { attempt: _attempt, ...target } = data;
      try {
        const sent = await sendReviewCard({ api, i18n, database: deps.database }, target);
        if (sent === 'moot') log.info({ ...target }, 'review card moot: order left review');
      } catch (err) {
        await dropOrRetry(retry, data, err, target);
      }
    },
  });
}
