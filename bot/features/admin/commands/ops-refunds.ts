import type { BlockedOrder } from '../../../../models/admin/block-orders.js';
import {
  refundOrderPayment,
  starsPaymentRefunder,
} from '../../../../models/payments/refund-order.js';
import { paymentRefunders } from '../../../../models/providers/create-providers.js';
import type { BotDeps } from '../../../context.js';
import { createStarsRefunder } from '../../../../telegram/stars.js';

export interface RefundTally {
  refunded: number;
  /** Provider refused or failed: payments.retry-refunds tries again until it goes through. */
  pending: number;
}

/** Refunds orders in full through their providers (Stars via the outbound gateway), in turn. */
export async function refundOrders(
  deps: BotDeps,
  list: Pick<BlockedOrder, 'orderId' | 'workspaceId'>[],
  actor: string,
): Promise<RefundTally> {
  const refunders = paymentRefunders(
    deps.providers ?? {},
    starsPaymentRefunder(createStarsRefunder(deps.outbound.api)),
  );
  const tally: RefundTally = { refunded: 0, pending: 0 };
  for (const order of list) {
    const result = await refundOrderPayment(
      deps.database,
      { workspaceId: order.workspaceId, orderId: order.orderId, actor, refunders },
      deps.clock,
    );
    if (result.ok) tally.refunded += 1;
    else if (result.code === 'refund_failed') {
      tally.pending += 1;
      deps.logger.warn(
        { orderId: order.orderId, ...result.detail },
        'admin refund failed; will retry',
      );
    }
  }
  return tally;
}
