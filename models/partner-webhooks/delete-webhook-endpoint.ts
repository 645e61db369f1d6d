import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { isUuid } from '../uuid.js';
import { endpointAccess, type WebhookActor } from './endpoint-access.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './table.js';

/**
 * Deletes one of the owner's endpoints with its deliveries and their attempts (a pending delivery's
 * job then finds nothing to send). The owner is checked first (endpointAccess); the rows go in one
 * system transaction — tenants may only read deliveries — selected by the owner's explicit
 * condition, with the audit row.
 */
export async function deleteWebhookEndpoint(
  database: Database,
  input: { actor: WebhookActor; endpointId: string },
  clock: Clock,
): Promise<Result<{ id: string; url: string }, 'forbidden' | 'not_found'>> {
  if (!isUuid(input.endpointId)) return fail('not_found');
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { ownedBy, workspaceId, auditActor } = access.value;
  const now = clock.now();
  return database.withSystem('webhooks: delete an owner’s endpoint', async (tx) => {
    const [endpoint] = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, input.endpointId), ownedBy))
      .for('update')
      .limit(1);
    if (!endpoint) return fail('not_found');
    const deliveries = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries));
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      actor: auditActor,
      action: 'webhook_endpoint.delete',
      objectType: 'webhook_endpoint',
      objectId: endpoint.id,
      data: { url: endpoint.url },
      at: now,
      workspaceId,
    });
    return ok(endpoint);
  });
}
