import { z } from 'zod';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { assertNever } from '../../models/errors.js';
import {
  createWebhookEndpoint,
  type CreateWebhookEndpointCode,
} from '../../models/partner-webhooks/create-webhook-endpoint.js';
import { deleteWebhookEndpoint } from '../../models/partner-webhooks/delete-webhook-endpoint.js';
import type { WebhookActor } from '../../models/partner-webhooks/endpoint-access.js';
import { maxEndpointUrlLength } from '../../models/partner-webhooks/endpoint-url.js';
import { listWebhookDeliveries } from '../../models/partner-webhooks/list-webhook-deliveries.js';
import {
  getWebhookEndpoint,
  listWebhookEndpoints,
} from '../../models/partner-webhooks/list-webhook-endpoints.js';
import { partnerEventTypes } from '../../models/partner-webhooks/partner-events.js';
import {
  maxEndpointDescriptionLength,
  maxWebhookEndpoints,
  type WebhookEndpointView,
} from '../../models/partner-webhooks/queries.js';
import { rotateWebhookSecret } from '../../models/partner-webhooks/rotate-webhook-secret.js';
import {
  updateWebhookEndpoint,
  type UpdateWebhookEndpointCode,
} from '../../models/partner-webhooks/update-webhook-endpoint.js';
import {
  webhookDeliveryStatuses,
  webhookEndpointStatuses,
} from '../../models/partner-webhooks/table.js';
import type { RouterContext } from '@koa/router';
import { apiKeyScopeOf } from './auth.js';
import { defineOperation, type Operation } from './operation.js';
import { decodeCursor, pageBody, pageQuery, pageSchema } from './pagination.js';
import { ProblemError } from './problems.js';
import { named, uuid } from './schemas.js';

export interface WebhookEndpointDeps {
  database: Database;
  clock: Clock;
  /** WEBHOOK_ALLOW_PRIVATE: http://localhost and private hosts accepted (sandbox, tests). */
  webhookAllowPrivate?: boolean;
}

const instant = z.iso.datetime({ offset: true });
const eventType = z.enum(partnerEventTypes);

const endpointSchema = named(
  'WebhookEndpoint',
  z
    .object({
      id: uuid,
      url: z.string(),
      description: z.string(),
      events: z.array(eventType),
      status: z.enum(webhookEndpointStatuses),
      disabled_reason: z
        .string()
        .nullable()
        .describe('`manual` (switched off by its owner) or `failing` (deliveries kept failing).'),
      disabled_at: instant.nullable(),
      created_at: instant,
      updated_at: instant,
    })
    .describe('An endpoint that receives signed order events (never its secret).'),
);
const endpointWithSecret = named(
  'WebhookEndpointWithSecret',
  endpointSchema
    .extend({
      secret: z
        .string()
        .describe('`whsec_…`: shown only in this answer. Keep it to verify signatures.'),
      previous_secret_expires_at: instant
        .nullable()
        .describe(
          'After a rotation: until when deliveries also carry the previous secret’s signature.',
        ),
    })
    .describe('An endpoint with its signing secret (creation and rotation only).'),
);
const deletedSchema = named(
  'DeletedWebhookEndpoint',
  z.object({ id: uuid, deleted: z.literal(true) }).describe('What a deletion answers.'),
);
const endpointList = named('WebhookEndpointList', z.object({ data: z.array(endpointSchema) }));
const delivery = named(
  'WebhookDelivery',
  z.object({
    id: uuid,
    event_id: z.string().describe('The body’s `id` (`evt_…`).'),
    type: eventType,
    status: z.enum(webhookDeliveryStatuses),
    next_attempt_at: instant.nullable(),
    delivered_at: instant.nullable(),
    created_at: instant,
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        at: instant,
        status_code: z.number().int().nullable(),
        duration_ms: z.number().int(),
        error: z.string().nullable().describe('`timeout`, `answered 500`, `ECONNREFUSED`, …'),
      }),
    ),
  }),
);
const deliveryPage = named('WebhookDeliveryPage', pageSchema(delivery));
const deliveryKey = z.object({ createdAt: instant, id: uuid });

const endpointParams = z.object({ id: uuid.describe('The endpoint’s id.') });
const url = z.string().max(maxEndpointUrlLength).describe('https:// URL on a public host.');
const description = z.string().max(maxEndpointDescriptionLength);
const events = z.array(eventType).min(1).describe('Event types to receive (default: every type).');
const createBody = z.object({
  url,
  description: description.optional(),
  events: events.optional(),
});
const updateBody = z
  .object({
    url: url.optional(),
    description: description.optional(),
    events: events.optional(),
    enabled: z
      .boolean()
      .optional()
      .describe('false switches it off; true on again (failures reset).'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'name at least one member to change',
  });

function present(endpoint: WebhookEndpointView): z.output<typeof endpointSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    status: endpoint.status,
    disabled_reason: endpoint.disabledReason,
    disabled_at: endpoint.disabledAt?.toISOString() ?? null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}

const actorOf = (ctx: RouterContext): WebhookActor => ({ kind: 'key', scope: apiKeyScopeOf(ctx) });
const notFound = () =>
  new ProblemError('not-found', 'No webhook endpoint with this id for this key.');

/** A refused write as its problem (a key always manages its own scope's endpoints). */
function refusal(code: CreateWebhookEndpointCode | UpdateWebhookEndpointCode): ProblemError {
  const invalid = (member: string, message: string) =>
    new ProblemError('validation-failed', message, [
      { code: 'custom', path: ['body', member], message },
    ]);
  switch (code) {
    case 'url_invalid':
      return invalid('url', 'must be an https:// URL on a public host, without user or password');
    case 'events_invalid':
      return invalid('events', `must be some of: ${partnerEventTypes.join(', ')}`);
    case 'description_invalid':
      return invalid('description', 'must be one line');
    case 'too_many':
      return new ProblemError(
        'webhook-endpoint-limit',
        `A key’s owner may have ${maxWebhookEndpoints} endpoints; delete one first.`,
      );
    case 'plan':
    case 'forbidden':
      return new ProblemError('forbidden', 'Webhooks of a workspace come with Pro.');
    case 'not_found':
      return notFound();
    default:
      return assertNever(code);
  }
}

/** The webhook endpoints of the key's owner: create, list, read, change, rotate, delete, deliveries. */
export function webhookEndpointOperations(deps: WebhookEndpointDeps): Operation[] {
  const policy = { allowPrivate: deps.webhookAllowPrivate ?? false };
  const tag = 'Webhooks';
  return [
    defineOperation({
      operationId: 'createWebhookEndpoint',
      method: 'post',
      path: '/v1/webhook-endpoints',
      tag,
      summary: 'Create a webhook endpoint',
      description: `Order events of the key’s owner are POSTed to it, signed (docs: Webhooks). At most ${maxWebhookEndpoints} per owner. The secret is in this answer only.`,
      body: createBody,
      responses: {
        201: { description: 'The endpoint and its secret.', schema: endpointWithSecret },
      },
      problems: ['forbidden', 'webhook-endpoint-limit'],
      async handle(ctx, { body }) {
        const created = await createWebhookEndpoint(
          deps.database,
          { actor: actorOf(ctx), ...body },
          policy,
          deps.clock,
        );
        if (!created.ok) throw refusal(created.code);
        const { endpoint, secret } = created.value;
        return {
          status: 201,
          body: { ...present(endpoint), secret, previous_secret_expires_at: null },
        };
      },
    }),
    defineOperation({
      operationId: 'listWebhookEndpoints',
      method: 'get',
      path: '/v1/webhook-endpoints',
      tag,
      summary: 'List webhook endpoints',
      description: `The key owner’s endpoints, oldest first (at most ${maxWebhookEndpoints}, so no pages).`,
      responses: { 200: { description: 'The endpoints.', schema: endpointList } },
      async handle(ctx) {
        const listed = await listWebhookEndpoints(
          deps.database,
          { actor: actorOf(ctx) },
          deps.clock,
        );
        if (!listed.ok) throw refusal(listed.code);
        return { body: { data: listed.value.endpoints.map(present) } };
      },
    }),
    defineOperation({
      operationId: 'getWebhookEndpoint',
      method: 'get',
      path: '/v1/webhook-endpoints/{id}',
      tag,
      summary: 'Read a webhook endpoint',
      params: endpointParams,
      responses: { 200: { description: 'The endpoint.', schema: endpointSchema } },
      problems: ['not-found'],
      async handle(ctx, { params }) {
        const found = await getWebhookEndpoint(deps.database, {
          actor: actorOf(ctx),
          endpointId: params.id,
        });
        if (!found.ok) throw refusal(found.code);
        return { body: present(found.value) };
      },
    }),
    defineOperation({
      operationId: 'updateWebhookEndpoint',
      method: 'patch',
      path: '/v1/webhook-endpoints/{id}',
      tag,
      summary: 'Change a webhook endpoint',
      description:
        'Only the members sent change. `enabled: true` switches a disabled endpoint on again; deliveries given up meanwhile are not sent again.',
      params: endpointParams,
      body: updateBody,
      responses: { 200: { description: 'The endpoint as changed.', schema: endpointSchema } },
      problems: ['not-found'],
      async handle(ctx, { params, body }) {
        const updated = await updateWebhookEndpoint(
          deps.database,
          { actor: actorOf(ctx), endpointId: params.id, changes: body },
          policy,
          deps.clock,
        );
        if (!updated.ok) throw refusal(updated.code);
        return { body: present(updated.value) };
      },
    }),
    defineOperation({
      operationId: 'deleteWebhookEndpoint',
      method: 'delete',
      path: '/v1/webhook-endpoints/{id}',
      tag,
      summary: 'Delete a webhook endpoint',
      description:
        'The endpoint, its deliveries and their attempts are deleted; nothing more is sent to it.',
      params: endpointParams,
      responses: { 200: { description: 'Deleted.', schema: deletedSchema } },
      problems: ['not-found'],
      async handle(ctx, { params }) {
        const deleted = await deleteWebhookEndpoint(
          deps.database,
          { actor: actorOf(ctx), endpointId: params.id },
          deps.clock,
        );
        if (!deleted.ok) throw refusal(deleted.code);
        return { body: { id: deleted.value.id, deleted: true } };
      },
    }),
    defineOperation({
      operationId: 'rotateWebhookSecret',
      method: 'post',
      path: '/v1/webhook-endpoints/{id}/rotate-secret',
      tag,
      summary: 'Rotate an endpoint’s signing secret',
      description:
        'A new secret, shown in this answer only; the previous one keeps signing beside it for 24 hours (two `v1=` in `LytSlot-Signature`).',
      params: endpointParams,
      responses: {
        200: { description: 'The endpoint and its new secret.', schema: endpointWithSecret },
      },
      problems: ['not-found'],
      async handle(ctx, { params }) {
        const rotated = await rotateWebhookSecret(
          deps.database,
          { actor: actorOf(ctx), endpointId: params.id },
          deps.clock,
        );
        if (!rotated.ok) throw refusal(rotated.code);
        const { endpoint, secret, previousSecretExpiresAt } = rotated.value;
        return {
          body: {
            ...present(endpoint),
            secret,
            previous_secret_expires_at: previousSecretExpiresAt.toISOString(),
          },
        };
      },
    }),
    defineOperation({
      operationId: 'listWebhookDeliveries',
      method: 'get',
      path: '/v1/webhook-endpoints/{id}/deliveries',
      tag,
      summary: 'Recent deliveries of an endpoint',
      description: 'Newest first, each with its attempts (status code, duration, error).',
      params: endpointParams,
      query: z.object(pageQuery),
      responses: { 200: { description: 'One page of deliveries.', schema: deliveryPage } },
      problems: ['not-found', 'invalid-cursor'],
      async handle(ctx, { params, query }) {
        const listed = await listWebhookDeliveries(deps.database, {
          actor: actorOf(ctx),
          endpointId: params.id,
          limit: query.limit,
          after: decodeCursor(query.cursor, deliveryKey),
        });
        if (!listed.ok) throw refusal(listed.code);
        return {
          body: pageBody(listed.value, (d) => ({
            id: d.id,
            event_id: `evt_${d.eventId}`,
            type: d.eventType as z.output<typeof eventType>,
            status: d.status,
            next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
            delivered_at: d.deliveredAt?.toISOString() ?? null,
            created_at: d.createdAt.toISOString(),
            attempts: d.attempts.map((a) => ({
              attempt: a.attempt,
              at: a.at.toISOString(),
              status_code: a.statusCode,
              duration_ms: a.durationMs,
              error: a.error,
            })),
          })),
        };
      },
    }),
  ];
}
