import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type { Logger } from '../../models/logger.js';
import type { Metrics } from '../metrics.js';

const requestIdPattern = /^[\w.-]{1,128}$/;

/**
 * What a request is logged and measured as, never its raw path (which may carry a secret: an old
 * webhook URL with the secret in it, a click code): the router's pattern (`/r/:code`), a label an
 * edge set in ctx.state.route (the bot webhook), else 'unmatched'.
 */
function routeOf(ctx: Context): string {
  const route = (ctx as { _matchedRoute?: unknown })._matchedRoute ?? ctx.state.route;
  return typeof route === 'string' ? route : 'unmatched';
}

/** Request id (X-Request-Id kept when sane, else a new uuid), a child logger, an access log line and timing. */
export function requestContext(logger: Logger, metrics: Metrics): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = requestIdPattern.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(ctx);
      metrics.httpRequests.observe(
        { method: ctx.method, route, status: String(ctx.status) },
        seconds,
      );
      ctx.state.log.info(
        { method: ctx.method, route, status: ctx.status, ms: Math.round(seconds * 1000) },
        'request',
      );
    }
  };
}
