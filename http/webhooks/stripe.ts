import Router from '@koa/router';
import type Stripe from 'stripe';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { assertNever } from '../../models/errors.js';
import type { Logger } from '../../models/logger.js';
import { handleStripeEvent } from '../../models/webhooks/stripe-events.js';
import { StripeEventRefused, type StripeGateway } from '../../models/providers/stripe.js';
import { readRawBody } from '../middleware/json-body.js';

export interface StripeWebhookDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  gateway: Pick<StripeGateway, 'constructEvent' | 'refund'>;
}

/**
 * `POST /webhooks/stripe`: the Stripe-Signature is verified over the raw body bytes
 * (stripe.webhooks.constructEvent, default 300 s tolerance against the wall clock — the test clock
 * never affects freshness); a bad or stale signature is a generic 400 and changes nothing, while a
 * failure of ours to verify (the lazily loaded SDK) is a 500 that Stripe retries. Each
 * event id is handled once; a handler failure is a 500, the event stays unprocessed and Stripe retries.
 */
export function stripeWebhookRoutes(deps: StripeWebhookDeps): Router {
  const log = deps.logger.child({ webhook: 'stripe' });
  const router = new Router();

  router.post('/webhooks/stripe', async (ctx) => {
    const raw = await readRawBody(ctx, 500_000);
    let event: Stripe.Event;
    try {
      event = await deps.gateway.constructEvent(raw, ctx.get('stripe-signature'));
    } catch (error) {
      // Only the request's fault is a 400; ours (the SDK not loading) is a 500 Stripe retries.
      if (!(error instanceof StripeEventRefused)) throw error;
      log.warn({ bytes: raw.length }, 'event with an invalid or stale signature refused');
      ctx.status = 400;
      ctx.body = { error: 'invalid_signature' };
      return;
    }
    const result = await handleStripeEvent(
      deps.database,
      { refund: deps.gateway.refund },
      event,
      deps.clock,
    );
    ctx.status = 200;
    if (result.ok) {
      const outcome = result.value;
      log.info({ eventId: event.id, type: event.type, outcome: outcome.kind }, 'event handled');
      ctx.body = { received: true, status: outcome.kind };
      return;
    }
    switch (result.code) {
      case 'unknown_order':
      case 'amount_mismatch':
      case 'unknown_payment':
      case 'unknown_workspace':
      case 'invalid_payment':
      case 'unknown_subscription':
      case 'bad_metadata':
        // Not ours or not matching: acknowledged (a redelivery cannot change the answer), logged loudly.
        log.error(
          { eventId: event.id, type: event.type, code: result.code, detail: result.detail },
          'event not matched',
        );
        ctx.body = { received: true, status: 'rejected' };
        return;
      default:
        assertNever(result.code);
    }
  });
  return router;
}
