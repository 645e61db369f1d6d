import type { Database } from '../db.js';
import type { Result } from '../errors.js';
import { moveSlotStatus, type SlotEditCode, type SlotEditInput } from './move-slot-status.js';

/** Takes a free future slot off sale (free → blocked); owners and managers only. */
export function blockSlot(
  database: Database,
  input: SlotEditInput,
): Promise<Result<{ slotId: string }, SlotEditCode>> {
  return moveSlotStatus(database, input, {
    from: 'free',
    to: 'blocked',
    action: 'slot.blocked',
    wrongState: 'not_free',
  });
}
