import type { Api } from 'grammy';
import type { Clock } from '../models/clock.js';
import type { Database } from '../models/db.js';
import type { Logger } from '../models/logger.js';
import { refundOrderPayment } from '../models/payments/refund-order.js';
import type { PaymentProviders } from '../models/providers/create-providers.js';
import { createRefunders } from './stars.js';

export interface RefundDeps {
  api: Pick<Api, 'refundStarPayment'>;
  database: Database;
  clock: Clock;
  logger: Logger;
  providers?: PaymentProviders | undefined;
}

/**
 * Gives an order's payment back in full through its provider (Stars through this Api). Nothing
 * paid ⇒ nothing happens; a refusal is logged and left to payments.retry-refunds. The payer hears
 * of it from the refund's own events (`payment.refunded`, `payment.refund_pending`).
 */
export async function refundOrder(
  deps: RefundDeps,
  order: { workspaceId: string; orderId: string },
  actor: string,
): Promise<void> {
  const result = await refundOrderPayment(
    deps.database,
    { ...order, actor, refunders: createRefunders(deps.api, deps.providers) },
    deps.clock,
  );
  if (!result.ok && result.code === 'refund_failed')
    deps.logger.warn({ orderId: order.orderId, ...result.detail }, 'refund failed; will retry');
}
