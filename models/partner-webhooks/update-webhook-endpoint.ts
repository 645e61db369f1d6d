import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { isUuid } from '../uuid.js';
import { endpointAccess, type WebhookActor } from './endpoint-access.js';
import { normalizeEndpointUrl, type WebhookTargetPolicy } from './endpoint-url.js';
import {
  endpointView,
  endpointViewColumns,
  findOwnedEndpoint,
  normalizeDescription,
  normalizeEvents,
  type WebhookEndpointView,
} from './queries.js';
import { webhookEndpoints } from './table.js';

export type UpdateWebhookEndpointCode =
  'forbidden' | 'not_found' | 'url_invalid' | 'events_invalid' | 'description_invalid';

export interface WebhookEndpointChanges {
  url?: string;
  description?: string;
  events?: string[];
  /** True: enabled again (failure count reset); false: switched off by its owner. */
  enabled?: boolean;
}

type Normalized = Result<Partial<typeof webhookEndpoints.$inferInsert>, UpdateWebhookEndpointCode>;

function normalizeChanges(
  changes: WebhookEndpointChanges,
  policy: WebhookTargetPolicy,
): Normalized {
  const set: Partial<typeof webhookEndpoints.$inferInsert> = {};
  if (changes.url !== undefined) {
    const url = normalizeEndpointUrl(changes.url, policy);
    if (url === undefined) return fail('url_invalid');
    set.url = url;
  }
  if (changes.events !== undefined) {
    const events = normalizeEvents(changes.events);
    if (events === undefined) return fail('events_invalid');
    set.events = events;
  }
  if (changes.description !== undefined) {
    const description = normalizeDescription(changes.description);
    if (description === undefined) return fail('description_invalid');
    set.description = description;
  }
  return ok(set);
}

/**
 * Changes an endpoint's URL, description, events or state. Enabling clears the disabled reason and
 * the failure count (deliveries given up meanwhile are not sent again); disabling by hand records
 * the reason `manual`. Audited with the changed members.
 */
export async function updateWebhookEndpoint(
  database: Database,
  input: { actor: WebhookActor; endpointId: string; changes: WebhookEndpointChanges },
  policy: WebhookTargetPolicy,
  clock: Clock,
): Promise<Result<WebhookEndpointView, UpdateWebhookEndpointCode>> {
  if (!isUuid(input.endpointId)) return fail('not_found');
  const normalized = normalizeChanges(input.changes, policy);
  if (!normalized.ok) return normalized;
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId, auditActor } = access.value;
  const now = clock.now();
  return database.withScope(scope, async (tx) => {
    const current = await findOwnedEndpoint(tx, ownedBy, input.endpointId);
    if (!current) return fail('not_found');
    const set = { ...normalized.value, updatedAt: now };
    const { enabled } = input.changes;
    if (enabled === true && current.status === 'disabled')
      Object.assign(set, {
        status: 'enabled',
        disabledAt: null,
        disabledReason: null,
        consecutiveFailures: 0,
      });
    if (enabled === false && current.status === 'enabled')
      Object.assign(set, { status: 'disabled', disabledAt: now, disabledReason: 'manual' });
    const [row] = await tx
      .update(webhookEndpoints)
      .set(set)
      .where(and(eq(webhookEndpoints.id, current.id), ownedBy))
      .returning(endpointViewColumns);
    if (!row) return fail('not_found');
    await recordAudit(tx, {
      actor: auditActor,
      action: 'webhook_endpoint.update',
      objectType: 'webhook_endpoint',
      objectId: row.id,
      data: { ...input.changes, ...normalized.value },
      at: now,
      workspaceId,
    });
    return ok(endpointView(row));
  });
}
