import {
  approveOrderCreatives,
  rejectOrderCreatives,
} from '../../../../models/admin/moderate-creative.js';
import { refundOrder } from '../../../../telegram/refund-order.js';
import { type AdminCardActions, moderationCardActions } from './actions-kit.js';

/**
 * Approve ⇒ routing goes on (owner review or scheduled; both sides hear of it from the route's
 * events, as after a payment); Reject asks for the reason, then the order is refunded in full.
 */
export const creativeCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  return moderationCardActions(input, {
    kind: 'creative',
    promptKey: 'admin-ask-reason-advertiser',
    approve: (orderId, admin) =>
      approveOrderCreatives(deps.database, { orderId, admin }, deps.clock),
    reject: (reply) =>
      rejectOrderCreatives(
        deps.database,
        { orderId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      ),
    rejected: (_ctx, rejected, reply) =>
      refundOrder(
        { ...deps, api: deps.outbound.api },
        { workspaceId: rejected.workspaceId, orderId: rejected.orderId },
        `admin:${reply.admin.telegramId}`,
      ),
  });
};
