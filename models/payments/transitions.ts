import type { StateMachine } from '../state-machine.js';
import type { PaymentStatus } from './table.js';

/**
 * A payment is born `pending` when checkout opens it, or `succeeded` when it records money that
 * already arrived without an open row (a provider payment we never opened, a subscription renewal).
 */
export const paymentEntryStatuses: readonly PaymentStatus[] = ['pending', 'succeeded'];

/** States the schema allows that no code enters yet (a provider's decline is recorded `cancelled`). */
export const unusedPaymentStatuses: readonly PaymentStatus[] = ['failed'];

/**
 * The payment state machine: every legal move, from → allowed targets (docs/payments.md).
 * `partially_refunded → partially_refunded` is a further partial refund.
 */
export const paymentTransitions: StateMachine<PaymentStatus> = {
  pending: ['succeeded', 'cancelled'],
  cancelled: ['pending', 'succeeded'],
  failed: ['succeeded'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};
