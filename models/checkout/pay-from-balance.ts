import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { fail, ok, type Result } from '../errors.js';
import type { Currency } from '../orders/table.js';
import { advertiserCredits } from '../payments/advertiser-balance.js';
import {
  recordOrderPaymentInTx,
  type OrderPaymentOutcome,
} from '../payments/record-order-payment.js';
import type { StarsRates } from '../payments/stars-amount.js';
import { payments } from '../payments/table.js';
import { orderVersion } from './payload.js';
import {
  cancelOtherPending,
  lockPayableOrder,
  markAwaitingPayment,
  type OrderReadiness,
  type PayableCode,
} from './payable-order.js';
import { balanceCharge } from './payment-methods.js';
import { advertiserOrder } from './queries.js';

export type PayFromBalanceCode = PayableCode | 'insufficient_balance';

export type PaidFromBalance = Extract<OrderPaymentOutcome, { kind: 'paid' }> & {
  paymentId: string;
  amount: number;
  currency: Currency;
};

/**
 * Pays the advertiser's order in full from their ledger credit, in ONE transaction: the order is
 * locked and checked payable, the account's advisory lock is taken and the credit re-read under it
 * (two checkouts never spend it twice), then a 'balance' payment row (`balance:<orderId>:<version>`)
 * and exactly recordOrderPayment's fulfilment: posting advertiser:<id> → escrow, order paid, slots
 * booked, routing, receipt. Credit short of the whole amount ⇒ 'insufficient_balance', no change.
 */
export async function payOrderFromBalance(
  database: Database,
  input: { accountId: string; orderId: string; readiness: OrderReadiness; rates: StarsRates },
  clock: Clock,
): Promise<Result<PaidFromBalance, PayFromBalanceCode>> {
  const { accountId, orderId } = input;
  const ref = await database.withScope({ accountId }, (tx) =>
    advertiserOrder(tx, accountId, orderId),
  );
  if (!ref) return fail('not_found');
  const { workspaceId } = ref;
  return database.withScope({ workspaceId, accountId }, async (tx) => {
    const now = clock.now();
    const payable = await lockPayableOrder(tx, input, now);
    if (!payable.ok) return payable;
    const order = payable.value;
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`advertiser-balance:${accountId}`}))`,
    );
    const charge = balanceCharge(order, await advertiserCredits(tx, accountId), input.rates);
    if (!charge) return fail('insufficient_balance');
    if (!(await markAwaitingPayment(tx, { orderId, accountId, status: order.status }, now)))
      return fail('not_payable');
    await cancelOtherPending(tx, orderId, 'balance', now);
    const stars = charge.currency === 'XTR' ? charge.amount : 0;
    const version = orderVersion({ ...order, stars });
    const providerPaymentId = `balance:${orderId}:${version}`;
    const [row] = await tx
      .insert(payments)
      .values({
        workspaceId,
        accountId,
        purpose: 'order',
        orderId,
        provider: 'balance',
        providerPaymentId,
        idempotencyKey: `order:${orderId}:${version}:balance`,
        amount: charge.amount,
        currency: charge.currency,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: payments.id });
    const recorded = await recordOrderPaymentInTx(
      tx,
      { orderId, workspaceId, advertiserAccountId: accountId },
      { provider: 'balance', providerPaymentId, orderId, ...charge },
      now,
    );
    // The order was locked and awaiting payment above: anything else is a bug, so roll it all back.
    if (!recorded.ok || recorded.value.kind !== 'paid')
      throw new Error(`Balance payment of order ${orderId} was not recorded as paid`);
    return ok({ ...recorded.value, paymentId: row!.id, ...charge });
  });
}
