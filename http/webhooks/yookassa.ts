import Router from '@koa/router';
import { z } from 'zod';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { assertNever } from '../../models/errors.js';
import type { Logger } from '../../models/logger.js';
import { handleYooKassaNotification } from '../../models/webhooks/yookassa-events.js';
import type { YooKassaGateway } from '../../models/providers/yookassa.js';
import { readJsonBody } from '../middleware/json-body.js';
import { addressSet, clientAddress, yooKassaNotificationRanges } from './yookassa-ips.js';

export interface YooKassaWebhookDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  gateway: YooKassaGateway;
  /** Addresses allowed to notify; production: YooKassa's published ranges (the default). */
  allowedAddresses?: readonly string[];
  /** YOOKASSA_TRUSTED_PROXY: comma-separated addresses/ranges whose X-Forwarded-For is believed. */
  trustedProxy?: string | undefined;
}

const notification = z.object({
  type: z.literal('notification'),
  event: z.string().min(1).max(100),
  object: z.looseObject({ id: z.string().min(1).max(100) }),
});

/**
 * `POST /webhooks/yookassa`: only from YooKassa's addresses (the socket peer; X-Forwarded-For only
 * from the trusted proxy), then the object is re-fetched by id and only that answer is trusted.
 */
export function yooKassaWebhookRoutes(deps: YooKassaWebhookDeps): Router {
  const allowed = addressSet(deps.allowedAddresses ?? yooKassaNotificationRanges);
  const proxies = deps.trustedProxy
    ? addressSet(deps.trustedProxy.split(',').filter((s) => s.trim()))
    : undefined;
  const log = deps.logger.child({ webhook: 'yookassa' });
  const router = new Router();

  router.post('/webhooks/yookassa', async (ctx) => {
    const forwarded = ctx.get('x-forwarded-for') || undefined;
    const source = clientAddress(ctx.req.socket.remoteAddress, forwarded, proxies);
    if (!source || !allowed.has(source)) {
      log.warn({ source }, 'notification from an address outside YooKassa ranges refused');
      ctx.status = 403;
      ctx.body = { error: 'forbidden' };
      return;
    }
    const parsed = notification.safeParse(await readJsonBody(ctx, 200_000));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { error: 'not a YooKassa notification' };
      return;
    }
    const { event, object } = parsed.data;
    const result = await handleYooKassaNotification(
      deps.database,
      { gateway: deps.gateway },
      { event, objectId: object.id, payload: parsed.data },
      deps.clock,
    );
    if (result.ok) {
      const outcome = result.value;
      log.info({ event, objectId: object.id, outcome: outcome.kind }, 'notification handled');
      ctx.status = 200;
      ctx.body = { status: outcome.kind };
      return;
    }
    switch (result.code) {
      case 'not_confirmed':
        // The API does not (yet) confirm what the notification says: nothing changes, and a
        // non-200 makes YooKassa deliver it again later.
        log.warn({ event, objectId: object.id, detail: result.detail }, 'not confirmed by the API');
        ctx.status = 409;
        ctx.body = { error: 'not_confirmed' };
        return;
      case 'contradicted':
        // The API's final answer says otherwise (e.g. canceled): it will never become true.
        log.warn({ event, objectId: object.id, detail: result.detail }, 'contradicted by the API');
        ctx.status = 200;
        ctx.body = { status: 'ignored' };
        return;
      case 'unknown_object':
        // Not one of ours (or not this shop's): acknowledged, nothing to do, never retried.
        log.warn({ event, objectId: object.id }, 'notification for an unknown object');
        ctx.status = 200;
        ctx.body = { status: 'ignored' };
        return;
      case 'unknown_order':
      case 'amount_mismatch':
      case 'bad_metadata':
        log.error(
          { event, objectId: object.id, code: result.code, detail: result.detail },
          'payment not matched',
        );
        ctx.status = 200;
        ctx.body = { status: 'rejected' };
        return;
      default:
        assertNever(result.code);
    }
  });
  return router;
}
