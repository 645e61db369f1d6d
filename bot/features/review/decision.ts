import type { DecidedReview } from '../../../models/review/decide-review.js';
import { refundAndTell, type RefundDeps } from '../../../messages/refund-and-tell.js';
import { tellAdvertiser } from '../../../messages/review-notices.js';

/** After a decision: approved ⇒ the advertiser hears it is scheduled; rejected ⇒ told why and refunded. */
export async function finishDecision(
  deps: RefundDeps,
  decided: DecidedReview,
  actor: string,
  reason?: string,
): Promise<void> {
  const order = { workspaceId: decided.workspaceId, orderId: decided.orderId };
  if (decided.status === 'scheduled') {
    await tellAdvertiser(deps, order.workspaceId, order.orderId, { kind: 'scheduled' });
    return;
  }
  await tellAdvertiser(deps, order.workspaceId, order.orderId, {
    kind: 'rejected',
    reason: reason ?? '',
  });
  await refundAndTell(deps, order, actor);
}
