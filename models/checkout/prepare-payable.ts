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

/**
 * Readies the advertiser's order for one payment method in one transaction: the order is locked
 * and checked payable, `prepare` opens the method's pending payment, then held → awaiting_payment.
 * A failure from `prepare` leaves the order as it was.
 */
export async function preparePayableOrder<T, C extends string>(
  database: Database,
  input: { accountId: string; orderId: string; readiness: OrderReadiness },
  clock: Clock,
  prepare: (
    tx: Tx,
    order: PayableOrder,
    at: { workspaceId: string; now: Date },
  ) => Promise<Result<T, C>>,
): Promise<Result<T, C | PayableCode>> {
  const { accountId, orderId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, orderId),
  );
  if (!ref) return fail('not_found');
  return database.withScope({ workspaceId: ref.workspaceId, accountId }, async (tx) => {
    const now = clock.now();
    const payable = await lockPayableOrder(tx, input, now);
    if (!payable.ok) return payable;
    const order = payable.value;
    const prepared = await prepare(tx, order, { workspaceId: ref.workspaceId, now });
    if (!prepared.ok) return prepared;
    if (!(await markAwaitingPayment(tx, { orderId, accountId, status: order.status }, now)))
      return fail('not_payable');
    return prepared;
  });
}
