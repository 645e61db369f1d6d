import type { Agenda } from 'agenda';
import { z } from 'zod';
import { deliverWebhook, webhookDeliverJob } from '../models/partner-webhooks/deliver-webhook.js';
import { defineJob } from './define-job.js';
import type { JobsDeps } from './index.js';

const data = z.object({ deliveryId: z.string().uuid() });

/**
 * `webhooks.deliver` (queued by the partner-webhooks consumer, then by each failed attempt): one
 * signed POST of a delivery to its endpoint; the outcome (and the next attempt) is recorded by
 * deliverWebhook. Private addresses only with WEBHOOK_ALLOW_PRIVATE (the sandbox, tests).
 */
export function definePartnerWebhookJobs(agenda: Agenda, deps: JobsDeps): void {
  const log = deps.logger.child({ job: webhookDeliverJob });
  const policy = { allowPrivate: deps.config.webhookAllowPrivate };
  defineJob(agenda, deps.logger, {
    name: webhookDeliverJob,
    data,
    concurrency: 10,
    run: async ({ deliveryId }) => {
      const outcome = await deliverWebhook(
        { database: deps.database, clock: deps.clock, policy },
        deliveryId,
      );
      if (outcome.kind === 'failed')
        log.warn({ deliveryId, endpointDisabled: outcome.endpointDisabled }, 'webhook given up');
      else log.debug({ deliveryId, outcome: outcome.kind }, 'webhook attempt');
    },
  });
}
