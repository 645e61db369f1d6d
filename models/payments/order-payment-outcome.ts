import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import type { ExternalProvider, PaymentRefunders } from '../providers/types.js';
import type { OrderPaymentOutcome } from './record-order-payment.js';
import { refundOrderPayment } from './refund-order.js';

/** An order a provider's payment paid (routed to moderation, review or scheduled). */
export type PaidOrder = Extract<OrderPaymentOutcome, { kind: 'paid' }>;

export type ProcessedOrderPayment =
  | { kind: 'processed'; action: 'order_paid'; paid: PaidOrder }
  | { kind: 'processed'; action: 'order_already_paid' | 'orphan_refunded' };

/**
 * What a provider webhook does with a recorded order payment: paid ⇒ the edge tells the sides;
 * an orphan (credited, but the order can no longer take it) goes straight back — a refund failure
 * is left to the refund retry job, the payment staying succeeded and refundable.
 */
export async function handleOrderPaymentOutcome(
  database: Database,
  outcome: OrderPaymentOutcome,
  input: { provider: ExternalProvider; refunders: PaymentRefunders },
  clock: Clock,
): Promise<ProcessedOrderPayment> {
  switch (outcome.kind) {
    case 'paid':
      return { kind: 'processed', action: 'order_paid', paid: outcome };
    case 'duplicate':
      return { kind: 'processed', action: 'order_already_paid' };
    case 'orphan':
      await refundOrderPayment(
        database,
        {
          workspaceId: outcome.workspaceId,
          orderId: outcome.orderId,
          actor: `provider:${input.provider}`,
          refunders: input.refunders,
        },
        clock,
      );
      return { kind: 'processed', action: 'orphan_refunded' };
  }
}
