import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import { fail, type Result } from '../errors.js';
import {
  lockPayableOrder,
  markAwaitingPayment,
  type OrderReadiness,
  type PayableCode,
  type PayableOrder,
} from './payable-order.js';
import { advertiserOrder } from './queries.js';

/** How a payment method readies its pending payment for a locked, payable order. */
export type PaymentPreparation<T, C extends string> = (
  tx: Tx,
  order: PayableOrder,
  at: { workspaceId: string; now: Date },
) => Promise<Result<T, C>>;

/**
 * The body of preparePayableOrder in the caller's transaction (scoped to the order's workspace and
 * the advertiser): lock and check, `prepare`, held → awaiting_payment.
 */
export async function preparePayableInTx<T, C extends string>(
  tx: Tx,
  input: { accountId: string; orderId: string; readiness: OrderReadiness },
  at: { workspaceId: string; now: Date },
  prepare: PaymentPreparation<T, C>,
): Promise<Result<T, C | PayableCode>> {
  const { accountId, orderId } = input;
  const payable = await lockPayableOrder(tx, input, at.now);
  if (!payable.ok) return payable;
  const order = payable.value;
  const prepared = await prepare(tx, order, at);
  if (!prepared.ok) return prepared;
  if (!(await markAwaitingPayment(tx, { orderId, accountId, status: order.status }, at.now)))
    return fail('not_payable');
  return prepared;
}

/**
 * Readies the advertiser's order for one payment method in one transaction: the order is locked
 * and checked payable, `prepare` opens the method's pending payment, then held → awaiting_payment.
 * A failure from `prepare` leaves the order as it was.
 */
export async function preparePayableOrder<T, C extends string>(
  database: Database,
  input: { accountId: string; orderId: string; readiness: OrderReadiness },
  clock: Clock,
  prepare: PaymentPreparation<T, C>,
): Promise<Result<T, C | PayableCode>> {
  const { accountId, orderId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, orderId),
  );
  if (!ref) return fail('not_found');
  return database.withScope({ workspaceId: ref.workspaceId, accountId }, (tx) =>
    preparePayableInTx(tx, input, { workspaceId: ref.workspaceId, now: clock.now() }, prepare),
  );
}
