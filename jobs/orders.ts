import type { Agenda } from 'agenda';
import { z } from 'zod';
import { tellHoldsExpired, type ExpiryNoticeDeps } from '../messages/holds-expired.js';
import { expireHolds } from '../models/orders/expire-holds.js';
import { confirmPendingPayments } from '../models/payments/confirm-pending-payments.js';
import { refundOrder } from '../telegram/refund-order.js';
import { defineJob } from './define-job.js';
import type { JobsDeps, TellingDeps } from './index.js';

export const expireHoldsJob = 'orders.expire-holds';
const confirmActor = `system:${expireHoldsJob}`;

const expireData = z.object({ batchSize: z.number().int().min(1).max(5000).optional() });

/** The Telegram side of the job (none without a token: expiry still runs, nobody is told). */
function createNotices(deps: TellingDeps): ExpiryNoticeDeps | undefined {
  const api = deps.outbound?.api;
  if (!api) return undefined;
  return { api, i18n: deps.i18n, database: deps.database, logger: deps.logger };
}

/**
 * Orders past their hold with a Stripe/YooKassa payment still pending: the provider is asked
 * (confirmPendingPayments); a payment found paid is routed (both sides hear of it from the route's
 * events), one that arrived too late is refunded at once.
 */
async function confirmPayments(deps: JobsDeps): Promise<void> {
  const providers = deps.providers ?? {};
  const outcomes = await confirmPendingPayments(deps.database, providers, deps.clock);
  const api = deps.outbound?.api;
  if (!api) return;
  const refundDeps = { ...deps, api, providers };
  for (const confirmed of outcomes) {
    if (confirmed.kind !== 'paid' || confirmed.outcome.kind !== 'orphan') continue;
    const { workspaceId, orderId } = confirmed.outcome;
    await refundOrder(refundDeps, { workspaceId, orderId }, confirmActor);
  }
}

/**
 * `orders.expire-holds` (every minute, platform time via deps.clock): frees expired holds, marks
 * the orders expired and tells each advertiser once per checkout. Before that, external payments
 * still pending past their hold are confirmed with their provider (never expired blindly).
 */
export function defineOrderJobs(agenda: Agenda, deps: TellingDeps): void {
  let notices: ExpiryNoticeDeps | undefined;
  defineJob(agenda, deps.logger, {
    name: expireHoldsJob,
    data: expireData,
    concurrency: 1,
    lockLifetimeMs: 5 * 60_000,
    run: async (data) => {
      await confirmPayments(deps);
      const expired = await expireHolds(deps.database, deps.clock.now(), data.batchSize);
      if (expired.length === 0) return;
      deps.logger.info({ job: expireHoldsJob, expired: expired.length }, 'order holds expired');
      notices ??= createNotices(deps);
      if (notices) await tellHoldsExpired(notices, expired);
    },
  });
}

/** Schedules the minutely hold expiry. */
export async function scheduleOrderJobs(agenda: Agenda): Promise<void> {
  await agenda.every('1 minute', expireHoldsJob, {});
}
