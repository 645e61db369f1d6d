import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { isUuid } from '../uuid.js';
import { endpointAccess, type WebhookActor } from './endpoint-access.js';
import { endpointView, endpointViewColumns, type WebhookEndpointView } from './queries.js';
import { generateWebhookSecret } from './signature.js';
import { webhookEndpoints } from './table.js';

/** How long the previous secret keeps signing after a rotation (both signatures are sent). */
export const secretOverlapMs = 24 * 3_600_000;

export interface RotatedWebhookSecret {
  endpoint: WebhookEndpointView;
  /** The new secret: returned here once. */
  secret: string;
  /** Until when deliveries also carry a signature with the previous secret. */
  previousSecretExpiresAt: Date;
}

/**
 * Gives an endpoint a new secret; the previous one keeps signing beside it for 24 hours (a secret
 * older than that is dropped). Audited without either secret.
 */
export async function rotateWebhookSecret(
  database: Database,
  input: { actor: WebhookActor; endpointId: string },
  clock: Clock,
): Promise<Result<RotatedWebhookSecret, 'forbidden' | 'not_found'>> {
  if (!isUuid(input.endpointId)) return fail('not_found');
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy, workspaceId, auditActor } = access.value;
  const now = clock.now();
  const previousSecretExpiresAt = new Date(now.getTime() + secretOverlapMs);
  return database.withScope(scope, async (tx) => {
    const [current] = await tx
      .select({ secret: webhookEndpoints.secret })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, input.endpointId), ownedBy))
      .for('update')
      .limit(1);
    if (!current) return fail('not_found');
    const secret = generateWebhookSecret();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: current.secret,
        previousSecretExpiresAt,
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoints.id, input.endpointId), ownedBy))
      .returning(endpointViewColumns);
    if (!row) return fail('not_found');
    await recordAudit(tx, {
      actor: auditActor,
      action: 'webhook_endpoint.rotate_secret',
      objectType: 'webhook_endpoint',
      objectId: row.id,
      data: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
      at: now,
      workspaceId,
    });
    return ok({ endpoint: endpointView(row), secret, previousSecretExpiresAt });
  });
}
