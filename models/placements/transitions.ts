import type { StateMachine } from '../state-machine.js';
import type { PlacementStatus } from './table.js';

/** A placement is born `scheduled` when its order is scheduled (createPlacements). */
export const placementEntryStatuses: readonly PlacementStatus[] = ['scheduled'];

/** The placement state machine: every legal move, from → allowed targets (docs/publishing.md). */
export const placementTransitions: StateMachine<PlacementStatus> = {
  scheduled: ['publishing', 'cancelled', 'failed'],
  publishing: ['scheduled', 'published', 'needs_review', 'cancelled', 'failed'],
  needs_review: ['published', 'failed'],
  published: ['completed'],
  completed: [],
  failed: [],
  cancelled: [],
};
