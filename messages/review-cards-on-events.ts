import type { Consumer } from '../models/outbox/consume.js';
import { enqueueJobInTx } from '../models/platform/enqueue-job.js';
import { orderManagerAccounts } from '../models/workspaces/queries.js';
import { asSoonAsPossible } from './notification.js';
import { reviewCardJob } from './review-card.js';

/**
 * The outbox consumer that puts an order in review before its deciders: for
 * `order.review_requested`, one `orders.send-review-card` job per owner/manager, queued in the
 * transaction that moves the cursor — each member's card (the creative preview, then the details
 * with Approve/Reject) is queued once per event, however often the process dies around it.
 */
export const reviewCardsConsumer: Consumer = {
  name: 'review-cards',
  async handle(tx, event) {
    if (event.type !== 'order.review_requested') return;
    for (const accountId of await orderManagerAccounts(tx, event.workspaceId)) {
      const target = { workspaceId: event.workspaceId, orderId: event.orderId, accountId };
      await enqueueJobInTx(tx, reviewCardJob, { ...target, attempt: 0 }, asSoonAsPossible);
    }
  },
};
