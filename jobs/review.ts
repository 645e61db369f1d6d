import type { Agenda } from 'agenda';
import type { Api } from 'grammy';
import { z } from 'zod';
import { refundOrder, type RefundDeps } from '../telegram/refund-order.js';
import { listPendingRefunds } from '../models/payments/list-pending-refunds.js';
import { refundOrderPayment } from '../models/payments/refund-order.js';
import { createRefunders } from '../telegram/stars.js';
import { rejectOverdueReviews, reviewDeadlineActor } from '../models/review/reject-overdue.js';
import { defineJob } from './define-job.js';
import type { JobsDeps, TellingDeps } from './index.js';
import { defineReviewCardJob } from './review-cards.js';

export const reviewDeadlineJob = 'orders.review-deadline';
export const refundRetryJob = 'payments.retry-refunds';
const refundRetryActor = `system:${refundRetryJob}`;

/** The Telegram side of the jobs: the outbound gateway's Api (none without a token). */
export function createTelegram(deps: JobsDeps): (RefundDeps & { api: Api }) | undefined {
  const api = deps.outbound?.api;
  if (!api) return undefined;
  return {
    api,
    database: deps.database,
    logger: deps.logger,
    clock: deps.clock,
    providers: deps.providers,
  };
}

/**
 * `orders.review-deadline` (every minute, platform time): orders still in review past their
 * deadline are rejected with reason 'review_deadline', slots freed, and refunded in full; both
 * sides hear of it from `order.rejected`. `payments.retry-refunds` (every minute): refunds a
 * provider (Telegram Stars, Stripe, YooKassa) refused earlier (or that were interrupted) are tried
 * again until they go through — never lost, never doubled. Also defines `orders.send-review-card`.
 */
export function defineReviewJobs(agenda: Agenda, deps: TellingDeps): void {
  const tg = () => createTelegram(deps);
  defineReviewCardJob(agenda, deps);
  defineJob(agenda, deps.logger, {
    name: reviewDeadlineJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const rejected = await rejectOverdueReviews(deps.database, deps.clock);
      const t = tg();
      if (rejected.length) deps.logger.info({ count: rejected.length }, 'reviews auto-rejected');
      if (!t) return;
      for (const order of rejected) await refundOrder(t, order, reviewDeadlineActor);
    },
  });
  defineJob(agenda, deps.logger, {
    name: refundRetryJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const t = tg();
      if (!t) return;
      // A refusal again is only noted on the payment: the next run tries once more.
      for (const order of await listPendingRefunds(deps.database))
        await refundOrderPayment(
          deps.database,
          { ...order, actor: refundRetryActor, refunders: createRefunders(t.api, deps.providers) },
          deps.clock,
        );
    },
  });
}

/** Both run every minute (`every` keeps one job per name). */
export async function scheduleReviewJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', reviewDeadlineJob, {});
  await agenda.every('1 minute', refundRetryJob, {});
}
