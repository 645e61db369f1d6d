import type { OrderStatus } from './table.js';

/** The order state machine: every legal move, from → allowed targets (docs/orders.md). */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['held'],
  held: ['awaiting_payment', 'cancelled', 'expired'],
  awaiting_payment: ['paid', 'held', 'expired', 'cancelled'],
  paid: ['in_review', 'scheduled', 'rejected', 'cancelled'],
  in_review: ['scheduled', 'rejected', 'cancelled'],
  rejected: ['refunded'],
  cancelled: ['refunded'],
  scheduled: ['publishing', 'cancelled', 'disputed'],
  publishing: ['published', 'failed', 'refunded'],
  published: ['completed', 'disputed', 'failed', 'refunded'],
  failed: ['refunded'],
  disputed: ['completed', 'published', 'refunded'],
  completed: ['disputed'],
  expired: [],
  refunded: [],
};

/** Whether the state machine allows moving an order from `from` to `to`. */
export function isLegalTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}
