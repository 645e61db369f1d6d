import type { Agenda } from 'agenda';
import { z } from 'zod';
import { createRefunders } from '../telegram/stars.js';
import { tellAdvertiser, tellMembers } from '../messages/review-notices.js';
import { refundAndTell, type RefundDeps } from '../messages/refund-and-tell.js';
import { createI18n } from '../messages/i18n.js';
import { listPendingRefunds } from '../models/payments/list-pending-refunds.js';
import { refundOrderPayment } from '../models/payments/refund-order.js';
import { rejectOverdueReviews, reviewDeadlineActor } from '../models/review/reject-overdue.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const reviewDeadlineJob = 'orders.review-deadline';
export const refundRetryJob = 'payments.retry-refunds';
const refundRetryActor = `system:${refundRetryJob}`;

/** The Telegram side of the jobs: the outbound gateway's Api and the locales (none without a token). */
export function createTelegram(deps: JobsDeps): RefundDeps | undefined {
  const api = deps.outbound?.api;
  if (!api) return undefined;
  return {
    api,
    i18n: createI18n(),
    database: deps.database,
    logger: deps.logger,
    clock: deps.clock,
    ...(deps.providers ? { providers: deps.providers } : {}),
  };
}

/**
 * `orders.review-deadline` (every minute, platform time): orders still in review past their
 * deadline are rejected with reason 'review_deadline', slots freed, and refunded in full; both
 * sides are told. `payments.retry-refunds` (every minute): refunds a provider (Telegram Stars,
 * Stripe, YooKassa) refused earlier (or that were interrupted) are tried again until they go through — never lost, never doubled.
 */
export function defineReviewJobs(agenda: Agenda, deps: JobsDeps): void {
  let telegram: RefundDeps | undefined;
  const tg = () => (telegram ??= createTelegram(deps));
  defineJob(agenda, deps.logger, {
    name: reviewDeadlineJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const rejected = await rejectOverdueReviews(deps.database, deps.clock);
      const t = tg();
      if (rejected.length) deps.logger.info({ count: rejected.length }, 'reviews auto-rejected');
      if (!t) return;
      for (const order of rejected) {
        await tellAdvertiser(t, order.workspaceId, order.orderId, { kind: 'auto_rejected' });
        await tellMembers(t, order.workspaceId, order.orderId, 'auto_rejected');
        await refundAndTell(t, order, reviewDeadlineActor);
      }
    },
  });
  defineJob(agenda, deps.logger, {
    name: refundRetryJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const t = tg();
      if (!t) return;
      for (const order of await listPendingRefunds(deps.database)) {
        const result = await refundOrderPayment(
          deps.database,
          { ...order, actor: refundRetryActor, refunders: createRefunders(t.api, deps.providers) },
          deps.clock,
        );
        if (result.ok && result.value.currency === 'XTR')
          await tellAdvertiser(t, order.workspaceId, order.orderId, {
            kind: 'refunded',
            stars: result.value.amount,
          });
      }
    },
  });
}

/** Both run every minute (`every` keeps one job per name). */
export async function scheduleReviewJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', reviewDeadlineJob, {});
  await agenda.every('1 minute', refundRetryJob, {});
}
