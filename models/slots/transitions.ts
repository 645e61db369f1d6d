import type { StateMachine } from '../state-machine.js';
import type { SlotStatus } from './table.js';

/** Slots are materialized `free` from the schedule (regenerateChannelSlots). */
export const slotEntryStatuses: readonly SlotStatus[] = ['free'];

/**
 * States the schema allows that no code enters yet: a slot stays `booked` through publication and
 * after it (the placement carries the post's life). Kept so their reads stay valid.
 */
export const unusedSlotStatuses: readonly SlotStatus[] = ['published', 'done'];

/** The slot state machine: every legal move, from → allowed targets (docs/slots.md). */
export const slotTransitions: StateMachine<SlotStatus> = {
  free: ['held', 'booked', 'blocked', 'cancelled'],
  held: ['free', 'booked'],
  booked: ['free'],
  blocked: ['free'],
  cancelled: ['free'],
  published: [],
  done: [],
};
