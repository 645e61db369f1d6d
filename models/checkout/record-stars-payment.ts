import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import { recordOrderPayment } from '../payments/record-order-payment.js';
import type { ReviewRoute } from '../review/route-paid-order.js';
import { parseInvoicePayload } from './payload.js';
import { advertiserOrder } from './queries.js';

export interface StarsPaymentInput {
  accountId: string;
  payload: string;
  chargeId: string;
  amount: number;
  currency: string;
}

/**
 * What happened: 'paid' (credited; routed to review or scheduled), 'duplicate' (this charge was
 * already recorded: nothing changed), 'orphan' (credited to escrow, but the order can no longer
 * take it — it must be refunded at once).
 */
export type StarsPaymentOutcome =
  | {
      kind: 'paid';
      orderId: string;
      workspaceId: string;
      status: ReviewRoute['status'];
      reviewDeadlineAt: Date | null;
    }
  | { kind: 'duplicate'; orderId: string; workspaceId: string }
  | { kind: 'orphan'; orderId: string; workspaceId: string };

/**
 * Records a successful_payment exactly once per telegram_payment_charge_id: the payer must be the
 * order's advertiser and the payload ours, then recordOrderPayment does the rest in one
 * transaction. Unknown payloads (or an amount that is not the invoice's) are 'unknown_order':
 * nothing recorded, the edge refunds the charge directly.
 */
export async function recordStarsPayment(
  database: Database,
  input: StarsPaymentInput,
  clock: Clock,
): Promise<Result<StarsPaymentOutcome, 'unknown_order'>> {
  const parsed = parseInvoicePayload(input.payload);
  if (!parsed || input.currency !== 'XTR' || input.amount <= 0) return fail('unknown_order');
  const { accountId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, parsed.orderId),
  );
  if (!ref) return fail('unknown_order');
  const result = await recordOrderPayment(
    database,
    {
      provider: 'stars',
      providerPaymentId: input.chargeId,
      orderId: ref.id,
      amount: input.amount,
      currency: 'XTR',
      details: { payload: input.payload },
    },
    clock,
  );
  if (!result.ok) return fail('unknown_order');
  const { orderId, workspaceId } = result.value;
  switch (result.value.kind) {
    case 'paid':
      return ok({
        kind: 'paid',
        orderId,
        workspaceId,
        status: result.value.status,
        reviewDeadlineAt: result.value.reviewDeadlineAt,
      });
    case 'duplicate':
    case 'orphan':
      return ok({ kind: result.value.kind, orderId, workspaceId });
  }
}
