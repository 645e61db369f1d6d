import type { Database } from '../db.js';
import type { Result } from '../errors.js';
import { moveSlotStatus, type SlotEditCode, type SlotEditInput } from './move-slot-status.js';

/** Puts a blocked future slot back on sale (blocked → free); owners and managers only. */
export function unblockSlot(
  database: Database,
  input: SlotEditInput,
): Promise<Result<{ slotId: string }, SlotEditCode>> {
  return moveSlotStatus(database, input, {
    from: 'blocked',
    to: 'free',
    action: 'slot.unblocked',
    wrongState: 'not_blocked',
  });
}
