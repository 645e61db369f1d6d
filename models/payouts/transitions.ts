import type { StateMachine } from '../state-machine.js';
import type { PayoutStatus } from './table.js';

/** A payout is born `requested` (requestPayout). */
export const payoutEntryStatuses: readonly PayoutStatus[] = ['requested'];

/** States the schema allows that no code enters yet (an owner withdrawing a request). */
export const unusedPayoutStatuses: readonly PayoutStatus[] = ['cancelled'];

/** The payout state machine: every legal move, from → allowed targets (docs/payouts.md). */
export const payoutTransitions: StateMachine<PayoutStatus> = {
  requested: ['approved', 'rejected'],
  approved: ['paid', 'rejected'],
  rejected: [],
  paid: [],
  cancelled: [],
};
