import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { editableStatuses, loadCreativeBundle } from './bundle.js';
import { orders } from '../orders/table.js';
import type { Marking } from '../marking/marking.js';

/**
 * Stores the marking data (already validated) on every draft/held order of the bundle that has a
 * channel requiring marking. Orders whose channels do not require it keep no marking.
 */
export async function setBundleMarking(
  database: Database,
  input: { accountId: string; bundleId: string; marking: Marking },
  clock: Clock,
): Promise<Result<{ orderIds: string[] }, 'not_found' | 'not_editable'>> {
  const { accountId, bundleId, marking } = input;
  const bundle = await loadCreativeBundle(database, { accountId, bundleId });
  if (!bundle.ok) return bundle;
  const requiring = new Set(
    bundle.value.channels.filter((channel) => channel.requiresMarking).map((channel) => channel.id),
  );
  const orderIds = bundle.value.orders
    .filter((order) => order.channelIds.some((id) => requiring.has(id)))
    .map((order) => order.id);
  if (orderIds.length === 0) return ok({ orderIds });
  const now = clock.now();
  return database.withScope({ accountId }, async (tx) => {
    const updated = await writeOrderMarking(tx, { orderIds, accountId, marking }, now);
    if (updated.length === 0) return fail('not_editable');
    return ok({ orderIds: updated });
  });
}

/**
 * Stores validated marking on those of the advertiser's orders that are still draft/held, and
 * audits each (caller's transaction); the ids of the orders it was stored on.
 */
export async function writeOrderMarking(
  tx: Tx,
  input: { orderIds: string[]; accountId: string; marking: Marking },
  now: Date,
): Promise<string[]> {
  const { orderIds, accountId, marking } = input;
  const updated = await tx
    .update(orders)
    .set({ marking: { ...marking }, updatedAt: now })
    .where(
      and(
        inArray(orders.id, orderIds),
        eq(orders.advertiserAccountId, accountId),
        inArray(orders.status, editableStatuses),
      ),
    )
    .returning({ id: orders.id, workspaceId: orders.workspaceId });
  for (const order of updated) {
    await recordAudit(tx, {
      actor: `account:${accountId}`,
      action: 'order.marking.set',
      objectType: 'order',
      objectId: order.id,
      data: { inn: marking.inn, erid: marking.erid },
      at: now,
      workspaceId: order.workspaceId,
    });
  }
  return updated.map((order) => order.id);
}
