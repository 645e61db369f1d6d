import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { keysetPage, type KeysetPage } from '../keyset.js';
import { isUuid } from '../uuid.js';
import { endpointAccess, type WebhookActor } from './endpoint-access.js';
import { findOwnedEndpoint } from './queries.js';
import { webhookAttempts, webhookDeliveries, type WebhookDeliveryStatus } from './table.js';

export interface WebhookAttemptView {
  attempt: number;
  at: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: number;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttemptView[];
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** Where the next page starts: after this delivery (newest first). */
export interface DeliveryKey {
  createdAt: string;
  id: string;
}

/**
 * An endpoint's deliveries, newest first (keyset pages), each with its attempts in order. The
 * endpoint must be the owner's (another's is `not_found`); RLS scopes every row read.
 */
export async function listWebhookDeliveries(
  database: Database,
  input: { actor: WebhookActor; endpointId: string; limit: number; after?: DeliveryKey },
): Promise<Result<KeysetPage<WebhookDeliveryView, DeliveryKey>, 'forbidden' | 'not_found'>> {
  if (!isUuid(input.endpointId)) return fail('not_found');
  const access = await endpointAccess(database, input.actor);
  if (!access.ok) return access;
  const { scope, ownedBy } = access.value;
  return database.withScope(scope, async (tx) => {
    if (!(await findOwnedEndpoint(tx, ownedBy, input.endpointId))) return fail('not_found');
    const after = input.after;
    const rows = await tx
      .select({
        id: webhookDeliveries.id,
        eventId: webhookDeliveries.eventId,
        eventType: webhookDeliveries.eventType,
        status: webhookDeliveries.status,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
        deliveredAt: webhookDeliveries.deliveredAt,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.endpointId, input.endpointId),
          after
            ? or(
                lt(webhookDeliveries.createdAt, new Date(after.createdAt)),
                and(
                  eq(webhookDeliveries.createdAt, new Date(after.createdAt)),
                  lt(webhookDeliveries.id, after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(input.limit + 1);
    const ids = rows.slice(0, input.limit).map((r) => r.id);
    const attempts =
      ids.length === 0
        ? []
        : await tx
            .select({
              deliveryId: webhookAttempts.deliveryId,
              attempt: webhookAttempts.attempt,
              at: webhookAttempts.at,
              statusCode: webhookAttempts.statusCode,
              durationMs: webhookAttempts.durationMs,
              error: webhookAttempts.error,
            })
            .from(webhookAttempts)
            .where(inArray(webhookAttempts.deliveryId, ids))
            .orderBy(asc(webhookAttempts.attempt));
    const page = keysetPage(
      rows,
      input.limit,
      (row) => ({
        ...row,
        attempts: attempts
          .filter((a) => a.deliveryId === row.id)
          .map(({ deliveryId: _, ...attempt }) => attempt),
      }),
      (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }),
    );
    return ok(page);
  });
}
