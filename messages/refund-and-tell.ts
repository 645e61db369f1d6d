import type { Clock } from '../models/clock.js';
import { refundOrderPayment } from '../models/payments/refund-order.js';
import type { PaymentProviders } from '../models/providers/create-providers.js';
import { createRefunders } from '../telegram/stars.js';
import { tellAdvertiser, type NotifyDeps } from './review-notices.js';

export type RefundDeps = NotifyDeps & { clock: Clock; providers?: PaymentProviders };

/**
 * Gives the order's payment back through its provider and tells the advertiser: refunded (Stars; the
 * other providers' amounts are told by the refund receipt), or (the provider failed) that the
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
    { ...order, actor, refunders: createRefunders(deps.api, deps.providers) },
    deps.clock,
  );
  // Non-Stars amounts and money back on the balance are told by the refund receipt.
  if (result.ok && (result.value.currency !== 'XTR' || result.value.provider === 'balance')) return;
  if (result.ok) {
    await tellAdvertiser(deps, order.workspaceId, order.orderId, {
      kind: refunded,
      stars: result.value.amount,
    });
  } else if (result.code === 'refund_failed') {
    deps.logger.warn({ orderId: order.orderId, ...result.detail }, 'refund failed; will retry');
    if (result.detail?.provider === 'stars')
      await tellAdvertiser(deps, order.workspaceId, order.orderId, { kind: 'refund_pending' });
  }
}
