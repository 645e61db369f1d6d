import type { Agenda } from 'agenda';
import { z } from 'zod';
import { checkPendingRefunds } from '../models/payments/check-pending-refunds.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const refundStatusJob = 'payments.check-refunds';

/**
 * `payments.check-refunds` (every 10 minutes, when YooKassa is configured): refunds YooKassa
 * accepted as pending are asked about until they end; a canceled one becomes the payer's credit
 * and they are told (Stripe reports its failed refunds by webhook instead).
 */
export function defineRefundStatusJobs(agenda: Agenda, deps: JobsDeps): void {
  defineJob(agenda, deps.logger, {
    name: refundStatusJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const yookassa = deps.providers?.yookassa;
      if (!yookassa) return;
      const report = await checkPendingRefunds(deps.database, yookassa, deps.clock);
      if (report.credited || report.succeeded || report.unreachable)
        deps.logger.info(report, 'pending provider refunds checked');
    },
  });
}

export async function scheduleRefundStatusJobs(agenda: Agenda): Promise<void> {
  await agenda.every('10 minutes', refundStatusJob, {});
}
