import { count, eq, sql } from 'drizzle-orm';
import { apiKeys } from '../api-keys/table.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { endpointAccess, type EndpointAccess, type WebhookActor } from './endpoint-access.js';
import { normalizeEndpointUrl, type WebhookTargetPolicy } from './endpoint-url.js';
import { partnerEventTypes } from './partner-events.js';
import {
  endpointView,
  endpointViewColumns,
  maxWebhookEndpoints,
  normalizeDescription,
  normalizeEvents,
  type WebhookEndpointView,
} from './queries.js';
import { generateWebhookSecret } from './signature.js';
import { webhookEndpoints } from './table.js';

export type CreateWebhookEndpointCode =
  'forbidden' | 'plan' | 'url_invalid' | 'events_invalid' | 'description_invalid' | 'too_many';

export interface CreateWebhookEndpointInput {
  actor: WebhookActor;
  url: string;
  description?: string;
  /** Subscribed types; omitted ⇒ every type. */
  events?: string[];
}

/** A new endpoint and its signing secret: returned here once, never listed again. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  secret: string;
}

/** The account recorded as the endpoint's creator: the person, or the key's creator. */
async function creatorOf(tx: Tx, access: EndpointAccess, actor: WebhookActor): Promise<string> {
  if (access.actorAccountId !== null) return access.actorAccountId;
  if (actor.kind !== 'key') throw new Error('an account actor always has an account');
  const [key] = await tx
    .select({ createdBy: apiKeys.createdByAccountId })
    .from(apiKeys)
    .where(eq(apiKeys.id, actor.scope.keyId))
    .limit(1);
  if (!key) throw new Error('the authenticated key is not visible in its own scope');
  return key.createdBy;
}

/**
 * Creates an endpoint for a workspace (its owner, Pro in force) or an advertiser account: an
 * https URL (see normalizeEndpointUrl), a subset of the partner event types (default all), at
 * most 5 per owner. Generates the `whsec_` secret and audits the creation (never the secret) in
 * the same transaction.
 */
export async function createWebhookEndpoint(
  database: Database,
  input: CreateWebhookEndpointInput,
  policy: WebhookTargetPolicy,
  clock: Clock,
): Promise<Result<CreatedWebhookEndpoint, CreateWebhookEndpointCode>> {
  const url = normalizeEndpointUrl(input.url, policy);
  if (url === undefined) return fail('url_invalid');
  const events = normalizeEvents(input.events ?? partnerEventTypes);
  if (events === undefined) return fail('events_invalid');
  const description = normalizeDescription(input.description ?? '');
  if (description === undefined) return fail('description_invalid');
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId, accountId } = access.value;
  const now = clock.now();
  return database.withScope(scope, async (tx) => {
    if (workspaceId !== null && !(await workspaceAllows(tx, workspaceId, 'api_keys', now)))
      return fail('plan');
    // One creation at a time per owner, so two quick requests cannot both pass the limit.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${workspaceId ?? accountId}`}))`,
    );
    const [existing] = await tx.select({ n: count() }).from(webhookEndpoints).where(ownedBy);
    if ((existing?.n ?? 0) >= maxWebhookEndpoints) return fail('too_many');
    const secret = generateWebhookSecret();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        workspaceId,
        accountId,
        createdByAccountId: await creatorOf(tx, access.value, input.actor),
        url,
        description,
        events,
        secret,
        createdAt: now,
        updatedAt: now,
      })
      .returning(endpointViewColumns);
    if (!row) throw new Error('webhook endpoint insert returned no row');
    await recordAudit(tx, {
      actor: access.value.auditActor,
      action: 'webhook_endpoint.create',
      objectType: 'webhook_endpoint',
      objectId: row.id,
      data: { url, events, owner: workspaceId === null ? 'account' : 'workspace' },
      at: now,
      workspaceId,
    });
    return ok({ endpoint: endpointView(row), secret });
  });
}
