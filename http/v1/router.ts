import Router from '@koa/router';
import type { Redis } from 'ioredis';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import type { Logger } from '../../models/logger.js';
import { requireApiKey } from './auth.js';
import { availabilityOperations } from './availability.js';
import { channelOperations } from './channels.js';
import { renderDocsPage } from './docs-page.js';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.js';
import { defineOperation, mountOperation, type Operation } from './operation.js';
import { orderReadOperations } from './orders-read.js';
import type { OrderWriteDeps } from './order-payment.js';
import { orderWriteOperations } from './orders-write.js';
import { answerProblem, problemBoundary } from './problems.js';
import { rateLimitPerKey } from './rate-limit.js';
import { named } from './schemas.js';
import { statsOperations } from './stats.js';
import { webhookEndpointOperations } from './webhook-endpoints.js';

export interface V1Deps {
  database: Database;
  clock: Clock;
  logger: Logger;
  redis?: Redis;
  /** Requests per minute per key (API_RATE_LIMIT). */
  rateLimit: number;
  /** WEBHOOK_ALLOW_PRIVATE: webhook endpoints may be http://localhost or private hosts. */
  webhookAllowPrivate?: boolean;
  /** Booking through the API (POST /v1/orders): Telegram, providers, rates, texts. */
  orders?: Omit<OrderWriteDeps, 'database' | 'clock' | 'logger'>;
}

const openApiJson = named(
  'OpenApiDocument',
  z.record(z.string(), z.unknown()).describe('This document.'),
);

function documentOperations(document: () => OpenApiDocument): Operation[] {
  return [
    defineOperation({
      operationId: 'getOpenApiDocument',
      method: 'get',
      path: '/v1/openapi.json',
      tag: 'Reference',
      summary: 'This API as an OpenAPI 3.1 document',
      public: true,
      responses: { 200: { description: 'The document.', schema: openApiJson } },
      handle: async () => ({ body: document() }),
    }),
    defineOperation({
      operationId: 'getApiReference',
      method: 'get',
      path: '/v1/docs',
      tag: 'Reference',
      summary: 'A readable reference of this API (HTML)',
      public: true,
      responses: { 200: { description: 'The reference page.', mediaType: 'text/html' } },
      handle: async () => ({ body: renderDocsPage(document()), type: 'text/html' }),
    }),
  ];
}

/**
 * Before the key is checked: a path no operation has is a 404 problem, a method it does not allow
 * a 405 (the routes are public in the document anyway).
 */
function knownRoutes(routers: Router[]): Middleware {
  return async (ctx, next) => {
    const matches = routers.map((r) => r.match(ctx.path, ctx.method));
    if (matches.some((m) => m.route)) return next();
    const allowed = new Set(matches.flatMap((m) => m.path.flatMap((layer) => layer.methods)));
    if (allowed.size > 0) {
      ctx.set('Allow', [...allowed].join(', '));
      answerProblem(ctx, 'method-not-allowed');
      return;
    }
    answerProblem(ctx, 'not-found', {
      detail: 'No such route in /v1; /v1/openapi.json lists them.',
    });
  };
}

/**
 * The partner API under /v1 with the given operations: a public one (the document, its page)
 * answers at once; an unknown route is a 404/405 problem; anything else needs a key and counts
 * against the key's rate limit. Every answer is JSON or a problem: nothing falls through.
 */
export function createV1Router(deps: V1Deps, operations: Operation[]): Router {
  const all = [...documentOperations(() => document), ...operations];
  const document = buildOpenApiDocument(all);
  const open = new Router();
  const keyed = new Router();
  const writes = { database: deps.database, clock: deps.clock };
  for (const operation of all) mountOperation(operation.public ? open : keyed, operation, writes);
  const router = new Router();
  router.all(
    '/v1{/*rest}',
    problemBoundary(),
    open.routes(),
    knownRoutes([open, keyed]),
    requireApiKey(deps),
    rateLimitPerKey({
      limit: deps.rateLimit,
      clock: deps.clock,
      logger: deps.logger,
      redis: deps.redis,
    }),
    keyed.routes(),
  );
  return router;
}

/** Every operation of the partner API (booking only when `deps.orders` is given). */
export function v1Operations(deps: V1Deps): Operation[] {
  return [
    ...channelOperations(deps),
    ...availabilityOperations(deps),
    ...orderReadOperations(deps),
    ...(deps.orders ? orderWriteOperations({ ...deps, ...deps.orders }) : []),
    ...statsOperations(deps),
    ...webhookEndpointOperations(deps),
  ];
}

/** The partner API as main mounts it (docs/api.md). */
export function v1Routes(deps: V1Deps): Router {
  return createV1Router(deps, v1Operations(deps));
}
