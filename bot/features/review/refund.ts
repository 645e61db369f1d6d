import type { Clock } from '../../../models/clock.js';
import { refundOrderPayment } from '../../../models/payments/refund-order.js';
import { createStarsRefunder } from '../checkout/gateway.js';
import { tellAdvertiser, type NotifyDeps } from './notify.js';

export type RefundDeps = NotifyDeps & { clock: Clock };

/**
 * Gives the order's Stars back and tells the advertiser: refunded, or (Telegram failed) that the
 * refund is on its way — the refunds job retries it. Nothing paid ⇒ nothing said.
 */
export async function refundAndTell(
  deps: RefundDeps,
  order: { workspaceId: string; orderId: string },
  actor: string,
  refunded: 'refunded' | 'cancelled_refunded' = 'refunded',
): Promise<void> {
  const result = await refundOrderPayment(
    deps.database,
    { ...order, actor, refund: createStarsRefunder(deps.api) },
    deps.clock,
  );
  if (result.ok) {
    await tellAdvertiser(deps, order.workspaceId, order.orderId, {
      kind: refunded,
      stars: result.value.amount,
    });
  } else if (result.code === 'refund_failed') {
    deps.logger.warn(
      { orderId: order.orderId, ...result.detail },
      'stars refund failed; will retry',
    );
    await tellAdvertiser(deps, order.workspaceId, order.orderId, { kind: 'refund_pending' });
  }
}
