import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { channelAccess } from '../workspaces/access.js';
import { canPerform } from '../workspaces/permissions.js';
import { slots, type SlotStatus } from './table.js';
import { transitionSlot } from './transition-slot.js';

export type SlotEditCode = 'not_found' | 'forbidden' | 'past' | 'not_free' | 'not_blocked';

export interface SlotEditInput {
  accountId: string;
  channelId: string;
  startsAt: Date;
  now: Date;
}

/** Moves one future slot from `from` to `to` for a member allowed to edit slots (audited). */
export async function moveSlotStatus(
  database: Database,
  input: SlotEditInput,
  change: { from: SlotStatus; to: SlotStatus; action: string; wrongState: SlotEditCode },
): Promise<Result<{ slotId: string }, SlotEditCode>> {
  const access = await channelAccess(database, input.accountId, input.channelId);
  if (!access) return fail('not_found');
  if (!canPerform(access.role, 'slots.edit')) return fail('forbidden');
  const { workspaceId } = access;
  return database.withScope({ workspaceId, accountId: input.accountId }, async (tx) => {
    const [slot] = await tx
      .select({ id: slots.id })
      .from(slots)
      .where(and(eq(slots.channelId, input.channelId), eq(slots.startsAt, input.startsAt)))
      .for('update')
      .limit(1);
    if (!slot) return fail('not_found');
    if (input.startsAt.getTime() <= input.now.getTime()) return fail('past');
    const moved = await transitionSlot(tx, {
      slotId: slot.id,
      from: [change.from],
      to: change.to,
      at: input.now,
    });
    if (!moved.ok) return fail(moved.code === 'not_found' ? 'not_found' : change.wrongState);
    await recordAudit(tx, {
      actor: `account:${input.accountId}`,
      action: change.action,
      objectType: 'slot',
      objectId: slot.id,
      data: { channelId: input.channelId, startsAt: input.startsAt.toISOString() },
      at: input.now,
      workspaceId,
    });
    return ok({ slotId: slot.id });
  });
}
