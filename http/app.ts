import type Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { Logger } from '../models/logger.js';
import type { Metrics } from './metrics.js';
import { errorBoundary } from './middleware/error-boundary.js';
import { requestContext } from './middleware/request-context.js';
import { requestShape } from './middleware/request-shape.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';

export interface HttpDeps {
  logger: Logger;
  metrics: Metrics;
  readiness: Record<string, ReadinessCheck>;
  /** Bot webhook endpoint when BOT_MODE=webhook. */
  botWebhook?: { path: string; handler: Middleware };
  /** Extra routers mounted after the built-in ones (test clock, webhooks, partner API…). */
  routers?: Router[];
}

/**
 * The Koa app: request context → error boundary → request shape → routes. Owns no state; main
 * starts the server.
 */
export function createHttpApp(deps: HttpDeps): Koa {
  const app = new Koa({ proxy: false });
  app.silent = true;
  app.use(requestContext(deps.logger.child({ role: 'http' }), deps.metrics));
  app.use(errorBoundary());
  app.use(requestShape());
  const routers = [
    healthRoutes(deps.readiness),
    metricsRoutes(deps.metrics),
    ...(deps.routers ?? []),
  ];
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  if (deps.botWebhook) {
    const { path, handler } = deps.botWebhook;
    app.use(async (ctx, next) => {
      if (ctx.method !== 'POST' || ctx.path !== path) return next();
      ctx.state.route = 'bot webhook';
      return handler(ctx, next);
    });
  }
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = { error: 'not_found', requestId: ctx.state.requestId };
  });
  return app;
}
