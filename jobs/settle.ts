import type { Agenda } from 'agenda';
import { z } from 'zod';
import { createRefunders } from '../telegram/stars.js';
import { enqueueNotification } from '../messages/notification.js';
import { refundOrderPayment } from '../models/payments/refund-order.js';
import { settleJob } from '../models/placements/create-placements.js';
import { settlementActor, settlePlacement } from '../models/settlement/settle-placement.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';
import { createJobScheduler } from './notifications.js';

const data = z.object({ placementId: z.string().uuid() });

/**
 * `placements.settle` (one-off, queued when a placement's lifetime ends): settles it (idempotent,
 * see settlePlacement; its `placement.settled` event brings the reports), and for an order nothing of which was delivered asks
 * Telegram for the full Stars refund at once (payments.retry-refunds keeps trying if that fails).
 */
export function defineSettleJobs(agenda: Agenda, deps: JobsDeps): void {
  const schedule = createJobScheduler(agenda, deps.clock);
  const log = deps.logger.child({ job: settleJob });
  defineJob(agenda, deps.logger, {
    name: settleJob,
    data,
    concurrency: 5,
    run: async ({ placementId }) => {
      const result = await settlePlacement(deps.database, placementId, deps.clock.now());
      if (!result.ok) {
        log.warn({ placementId, code: result.code, detail: result.detail }, 'not settled');
        return;
      }
      const outcome = result.value;
      log.info({ placementId, kind: outcome.kind, orderId: outcome.orderId }, 'placement settled');
      const api = deps.outbound?.api;
      if (outcome.kind !== 'undelivered' || !api) return;
      const refunded = await refundOrderPayment(
        deps.database,
        {
          workspaceId: outcome.workspaceId,
          orderId: outcome.orderId,
          actor: settlementActor,
          refunders: createRefunders(api, deps.providers),
        },
        deps.clock,
      );
      if (refunded.ok)
        await enqueueNotification(schedule, {
          accountId: outcome.advertiserAccountId,
          key: 'settle-refunded-advertiser',
          vars: { amount: refunded.value.amount, currency: refunded.value.currency },
        });
    },
  });
}
