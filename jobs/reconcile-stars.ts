import type { Agenda } from 'agenda';
import { z } from 'zod';
import { createStarsRefunder, createStarsTransactionsFetcher } from '../telegram/stars.js';
import { tellPaid } from '../messages/review-notices.js';
import { tellAdvertiser } from '../messages/review-notices.js';
import type { RefundDeps } from '../messages/refund-and-tell.js';
import { reconcileStarsCharges } from '../models/reconciliation/reconcile-stars.js';
import type { SettledStarsCharge } from '../models/reconciliation/settle-stars-charge.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';
import { createTelegram } from './review.js';

export const reconcileStarsJob = 'payments.reconcile-stars';

/** The order's sides hear what they would have heard after the lost successful_payment. */
async function tellSettled(telegram: RefundDeps, charge: SettledStarsCharge): Promise<void> {
  const { target } = charge;
  // Subscriptions got their receipt and unknown payers their notice from the use-case.
  if (target.kind !== 'order') return;
  switch (charge.outcome) {
    case 'recorded':
      if (charge.route) await tellPaid(telegram, target, charge.route);
      return;
    case 'refunded':
      return tellAdvertiser(telegram, target.workspaceId, target.orderId, {
        kind: 'refunded',
        stars: charge.amount,
      });
    case 'refund_pending':
      return tellAdvertiser(telegram, target.workspaceId, target.orderId, {
        kind: 'refund_pending',
      });
  }
}

/**
 * `payments.reconcile-stars` (every 10 minutes, and once when the jobs start): the bot's Star
 * transactions of the last two days are matched against our payments; a charge neither recorded
 * nor refunded (its successful_payment was lost) is recorded or refunded, audited, shown on an
 * admin card and counted in `lytslot_stars_reconciled_total{outcome}`. Needs BOT_TOKEN.
 */
export function defineReconcileStarsJobs(agenda: Agenda, deps: JobsDeps): void {
  let telegram: RefundDeps | undefined;
  const log = deps.logger.child({ job: reconcileStarsJob });
  defineJob(agenda, deps.logger, {
    name: reconcileStarsJob,
    data: z.object({}).passthrough(),
    concurrency: 1,
    run: async () => {
      const t = (telegram ??= createTelegram(deps));
      if (!t) return;
      const { api } = t;
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
        await tellSettled(t, charge);
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
