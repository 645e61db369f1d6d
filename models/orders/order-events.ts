import type { TransitionedOrder } from './transition-order.js';

/** The ids every `order.*` event carries, from the order a transition just moved. */
export function orderEventFacts(order: TransitionedOrder) {
  return {
    workspaceId: order.workspaceId,
    orderId: order.id,
    advertiserAccountId: order.advertiserAccountId,
  };
}
