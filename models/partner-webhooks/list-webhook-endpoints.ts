import { asc } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { isUuid } from '../uuid.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { endpointAccess, type WebhookActor } from './endpoint-access.js';
import {
  endpointView,
  endpointViewColumns,
  findOwnedEndpoint,
  type WebhookEndpointView,
} from './queries.js';
import { webhookEndpoints } from './table.js';

export interface WebhookEndpointList {
  /** Oldest first (at most maxWebhookEndpoints). */
  endpoints: WebhookEndpointView[];
  /** False for a workspace whose plan in force has no partner API (nothing is delivered). */
  planAllows: boolean;
}

/** The owner's endpoints under the owner's scope (RLS hides everyone else's), never their secrets. */
export async function listWebhookEndpoints(
  database: Database,
  input: { actor: WebhookActor },
  clock: Clock,
): Promise<Result<WebhookEndpointList, 'forbidden'>> {
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId } = access.value;
  return database.withScope(scope, async (tx) => {
    const rows = await tx
      .select(endpointViewColumns)
      .from(webhookEndpoints)
      .where(ownedBy)
      .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
    const planAllows =
      workspaceId === null || (await workspaceAllows(tx, workspaceId, 'api_keys', clock.now()));
    return ok({ endpoints: rows.map(endpointView), planAllows });
  });
}

/** One of the owner's endpoints; another owner's is `not_found`, like none. */
export async function getWebhookEndpoint(
  database: Database,
  input: { actor: WebhookActor; endpointId: string },
): Promise<Result<WebhookEndpointView, 'forbidden' | 'not_found'>> {
  if (!isUuid(input.endpointId)) return fail('not_found');
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy } = access.value;
  const found = await database.withScope(scope, (tx) =>
    findOwnedEndpoint(tx, ownedBy, input.endpointId),
  );
  return found ? ok(found) : fail('not_found');
}
