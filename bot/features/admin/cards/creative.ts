import {
  approveOrderCreatives,
  rejectOrderCreatives,
} from '../../../../models/admin/moderate-creative.js';
import { noticeDeps } from '../../../outbound.js';
import {
  tellAdvertiser,
  tellMembers,
  sendReviewCards,
} from '../../../../messages/review-notices.js';
import { refundAndTell } from '../../../../messages/refund-and-tell.js';
import { type AdminCardActions, moderationCardActions } from './actions-kit.js';

/**
 * Approve ⇒ routing goes on (owner review or scheduled) and both sides hear of it as after a
 * payment; Reject asks for the reason, then the advertiser sees it and is refunded in full.
 */
export const creativeCardActions: AdminCardActions = (input) => {
  const { deps, i18n } = input;
  return moderationCardActions(input, {
    kind: 'creative',
    promptKey: 'admin-ask-reason-advertiser',
    approve: (orderId, admin) =>
      approveOrderCreatives(deps.database, { orderId, admin }, deps.clock),
    approved: async (_ctx, approved, orderId) => {
      const notify = noticeDeps(deps, i18n);
      const { workspaceId } = approved;
      if (approved.route === 'in_review' && approved.reviewDeadlineAt) {
        await tellAdvertiser(notify, workspaceId, orderId, {
          kind: 'in_review',
          deadline: approved.reviewDeadlineAt,
        });
        await sendReviewCards(notify, workspaceId, orderId);
      } else {
        await tellAdvertiser(notify, workspaceId, orderId, { kind: 'scheduled' });
        await tellMembers(notify, workspaceId, orderId, 'auto_scheduled');
      }
    },
    reject: (reply) =>
      rejectOrderCreatives(
        deps.database,
        { orderId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      ),
    rejected: (_ctx, rejected, reply) =>
      refundAndTell(
        noticeDeps(deps, i18n),
        { workspaceId: rejected.workspaceId, orderId: rejected.orderId },
        `admin:${reply.admin.telegramId}`,
      ),
  });
};
