import { and, eq, or, sql } from 'drizzle-orm';
import type { Consumer } from '../outbox/consume.js';
import { orders } from '../orders/table.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { workspaceAllows } from '../workspaces/plan-limits.js';
import { webhookDeliverJob } from './deliver-webhook.js';
import { partnerEventBody, partnerEventOf } from './partner-events.js';
import { webhookDeliveries, webhookEndpoints } from './table.js';

/** Due at once: a time already past for any clock, so the job runs on the next poll. */
const asSoonAsPossible = new Date(0);

/**
 * The outbox consumer of partner webhooks: an order event (partnerEventOf) becomes one
 * `webhook_deliveries` row per enabled endpoint subscribed to its type — the order's workspace's
 * (while its plan allows the partner API) and the advertiser account's — with the body fixed, and
 * its `webhooks.deliver` job queued, all in the transaction that moves the cursor. Unique
 * (endpoint, event) makes a second pass over the same event create nothing.
 */
export const partnerWebhooksConsumer: Consumer = {
  name: 'partner-webhooks',
  async handle(tx, event) {
    const partnerEvent = partnerEventOf(event);
    if (!partnerEvent) return;
    const [order] = await tx
      .select({ workspaceId: orders.workspaceId, advertiserAccountId: orders.advertiserAccountId })
      .from(orders)
      .where(eq(orders.id, partnerEvent.orderId))
      .limit(1);
    if (!order) return;
    const ownerSide = await workspaceAllows(tx, order.workspaceId, 'api_keys', event.occurredAt);
    const endpoints = await tx
      .select({
        id: webhookEndpoints.id,
        workspaceId: webhookEndpoints.workspaceId,
        accountId: webhookEndpoints.accountId,
      })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.status, 'enabled'),
          sql`${partnerEvent.type} = any(${webhookEndpoints.events})`,
          or(
            ownerSide ? eq(webhookEndpoints.workspaceId, order.workspaceId) : sql`false`,
            eq(webhookEndpoints.accountId, order.advertiserAccountId),
          ),
        ),
      );
    const body = partnerEventBody(event, partnerEvent);
    for (const endpoint of endpoints) {
      const [created] = await tx
        .insert(webhookDeliveries)
        .values({
          endpointId: endpoint.id,
          workspaceId: endpoint.workspaceId,
          accountId: endpoint.accountId,
          eventId: event.id,
          eventType: partnerEvent.type,
          body,
          nextAttemptAt: event.occurredAt,
          createdAt: event.occurredAt,
        })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      if (created)
        await enqueueJobInTx(tx, webhookDeliverJob, { deliveryId: created.id }, asSoonAsPossible);
    }
  },
};
