import type { Database } from '../../models/db.js';
import { slots } from '../../models/schema.js';

export type SlotFields = Partial<
  Pick<typeof slots.$inferInsert, 'status' | 'holdExpiresAt' | 'orderId' | 'format'>
>;

/** Slots of a channel at the given instants (free unless `fields` say otherwise); their ids in order. */
export async function makeSlots(
  database: Database,
  channel: { id: string; workspaceId: string },
  startsAt: Date[],
  fields: SlotFields = {},
): Promise<string[]> {
  if (startsAt.length === 0) return [];
  const rows = await database.withSystem('test factory: slots', (tx) =>
    tx
      .insert(slots)
      .values(
        startsAt.map((at) => ({
          channelId: channel.id,
          workspaceId: channel.workspaceId,
          startsAt: at,
          ...fields,
        })),
      )
      .returning({ id: slots.id }),
  );
  return rows.map((r) => r.id);
}

/**
 * Free slots of a channel at the given instants, keeping any the channel has there already (its
 * schedule's generator may make them at the same time, as the jobs' horizon pass does).
 */
export async function ensureFreeSlots(
  database: Database,
  channel: { id: string; workspaceId: string },
  startsAt: Date[],
): Promise<void> {
  if (startsAt.length === 0) return;
  await database.withSystem('test factory: slots', (tx) =>
    tx
      .insert(slots)
      .values(
        startsAt.map((at) => ({
          channelId: channel.id,
          workspaceId: channel.workspaceId,
          startsAt: at,
        })),
      )
      .onConflictDoNothing({ target: [slots.channelId, slots.startsAt, slots.workspaceId] }),
  );
}
