import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db.js';
import { creatives, orderItems, orders } from '../orders/table.js';
import { readSetting } from '../platform/queries.js';
import { slots } from '../slots/table.js';
import { placements } from './table.js';

export const publishJob = 'placements.publish';

/** The test clock's stored offset (platform time − real time); 0 without a test clock. */
async function clockOffsetMs(tx: Tx): Promise<number> {
  const value = await readSetting(tx, 'test_clock_offset_ms');
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * Queues an Agenda job inside the caller's transaction (a transactional outbox: the job exists
 * exactly when the rows that need it do). `at` is platform time; Agenda stores real time, so the
 * stored test-clock offset is removed. The table is created by migration 0004 before Agenda runs.
 */
export async function enqueueJobInTx(
  tx: Tx,
  name: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const real = new Date(at.getTime() - (await clockOffsetMs(tx)));
  await tx.execute(
    sql`insert into agenda_jobs (name, next_run_at, data, type, priority)
        values (${name}, ${real.toISOString()}::timestamptz, ${JSON.stringify(data)}::jsonb, 'normal', 0)`,
  );
}

/** A ScheduleJob (models/platform/schedule-job.ts) that queues each job in its own transaction. */
export function scheduleViaDatabase(database: Database) {
  return (name: string, data: Record<string, unknown>, at: Date): Promise<void> =>
    database.withSystem('queue a job', (tx) => enqueueJobInTx(tx, name, data, at));
}

export interface CreatedPlacement {
  id: string;
  dueAt: Date;
}

/**
 * One placement per order item (due at its slot's start; variant i mod the number of variants),
 * created in the transaction that moves the order to `scheduled`, each with its `placements.publish`
 * job queued in the same transaction. Idempotent per (order, slot): a second call adds nothing.
 * The transaction must see the order's workspace rows (workspace scope or system).
 */
export async function createPlacements(
  tx: Tx,
  orderId: string,
  at: Date,
): Promise<CreatedPlacement[]> {
  const items = await tx
    .select({
      slotId: orderItems.slotId,
      channelId: orderItems.channelId,
      workspaceId: orderItems.workspaceId,
      advertiserAccountId: orderItems.advertiserAccountId,
      format: orderItems.format,
      startsAt: slots.startsAt,
    })
    .from(orderItems)
    .innerJoin(slots, eq(slots.id, orderItems.slotId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(slots.startsAt), asc(orderItems.id));
  if (items.length === 0) return [];
  const variants = await tx
    .select({ index: creatives.variantIndex })
    .from(creatives)
    .where(eq(creatives.orderId, orderId))
    .orderBy(asc(creatives.variantIndex));
  const created = await tx
    .insert(placements)
    .values(
      items.map((item, i) => ({
        orderId,
        slotId: item.slotId,
        channelId: item.channelId,
        workspaceId: item.workspaceId,
        advertiserAccountId: item.advertiserAccountId,
        variantIndex: variants.length ? (variants[i % variants.length]?.index ?? 0) : 0,
        format: item.format,
        dueAt: item.startsAt,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: placements.id, dueAt: placements.dueAt });
  for (const placement of created) {
    await enqueueJobInTx(tx, publishJob, { placementId: placement.id }, placement.dueAt);
  }
  return created;
}
