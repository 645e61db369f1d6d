import type { Agenda } from 'agenda';
import { z } from 'zod';
import { createStarsRefunder, createStarsTransactionsFetcher } from '../telegram/stars.js';
import { reconcileStarsCharges } from '../models/reconciliation/reconcile-stars.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

export const reconcileStarsJob = 'payments.reconcile-stars';

/**
 * `payments.reconcile-stars` (every 10 minutes, and once when the jobs start): the bot's Star
 * transactions of the last two days are matched against our payments; a charge neither recorded
 * nor refunded (its successful_payment was lost) is recorded or refunded, audited, shown on an
 * admin card and counted in `lytslot_stars_reconciled_total{outcome}`; the order's sides hear of it
 * from the events the recording appends, as after a successful_payment. Needs BOT_TOKEN.
 */
export function defineReconcileStarsJobs(agenda: Agenda, deps: JobsDeps): void {
  const log = deps.logger.child({ job: reconcileStarsJob });
  defineJob(agenda, deps.logger, {
    name: reconcileStarsJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const api = deps.outbound?.api;
      if (!api) return;
      const report = await reconcileStarsCharges(
        deps.database,
        {
          fetchTransactions: createStarsTransactionsFetcher(api),
          refund: createStarsRefunder(api),
        },
        deps.clock,
      );
      for (const charge of report.settled) {
        deps.metrics?.starsReconciled.inc({ outcome: charge.outcome });
        log.warn(
          { chargeId: charge.chargeId, outcome: charge.outcome, target: charge.target.kind },
          'Stars charge was never handled: settled by reconciliation',
        );
      }
      if (report.failed.length > 0)
        log.warn({ failed: report.failed }, 'Stars refunds refused; retried next run');
      if (report.truncated) log.warn('Stars transactions beyond the page limit were not checked');
    },
  });
}

/** Every 10 minutes (`every` keeps one job per name), plus one run now. */
export async function scheduleReconcileStarsJobs(agenda: Agenda): Promise<void> {
  await agenda.every('10 minutes', reconcileStarsJob, {});
  await agenda.now(reconcileStarsJob, {});
}
