import { eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../../models/db.js';
import { paymentStatuses, type PaymentStatus } from '../../../models/payments/table.js';
import {
  transitionOrderPayments,
  transitionPayment,
} from '../../../models/payments/transition-payment.js';
import {
  paymentEntryStatuses,
  paymentTransitions,
  unusedPaymentStatuses,
} from '../../../models/payments/transitions.js';
import { orders, payments } from '../../../models/schema.js';
import { IllegalTransitionError } from '../../../models/state-machine.js';
import { createTestDatabase } from '../../helpers/db.js';
import { expectConsistentMachine, expectEveryMoveEnforced } from '../../helpers/state-machine.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeChannel } from '../../factories/channels.js';

let database: Database;
let orderId: string;
let paymentIds: string[];
const at = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const { workspaceId } = await makeChannel(database);
  const accountId = (await makeAccount(database)).id;
  paymentIds = await database.withSystem('test: payments', async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({ workspaceId, advertiserAccountId: accountId, currency: 'RUB' })
      .returning({ id: orders.id });
    orderId = order!.id;
    const rows = await tx
      .insert(payments)
      .values(
        (['stars', 'yookassa', 'stripe'] as const).map((provider) => ({
          workspaceId,
          accountId,
          purpose: 'order' as const,
          orderId,
          provider,
          providerPaymentId: `${provider}-${orderId}`,
          amount: 10_000,
          currency: 'RUB' as const,
        })),
      )
      .returning({ id: payments.id });
    return rows.map((r) => r.id);
  });
});

afterAll(async () => {
  await database?.close();
});

const columns = {
  id: payments.id,
  status: payments.status,
  refundedAmount: payments.refundedAmount,
  details: payments.details,
  updatedAt: payments.updatedAt,
};
const read = (tx: Tx, ids = paymentIds) =>
  tx.select(columns).from(payments).where(inArray(payments.id, ids)).orderBy(payments.provider);

const put = (tx: Tx, paymentId: string, status: PaymentStatus) =>
  tx
    .update(payments)
    .set({ status, refundedAmount: 0, details: {}, updatedAt: new Date('2029-01-01T00:00:00Z') })
    .where(eq(payments.id, paymentId));

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => database.withSystem('test: payment machine', fn);

describe('the payment state machine', () => {
  it('is consistent: failed is reserved, refunded is the end', () => {
    expectConsistentMachine({
      machine: paymentTransitions,
      statuses: paymentStatuses,
      entry: paymentEntryStatuses,
      unused: unusedPaymentStatuses,
      terminal: ['refunded'],
    });
  });

  it('transitionPayment writes exactly the listed moves and refuses the others, changing nothing', async () => {
    const paymentId = paymentIds[0]!;
    const counts = await inTx((tx) =>
      expectEveryMoveEnforced({
        machine: paymentTransitions,
        statuses: paymentStatuses,
        put: (status) => put(tx, paymentId, status),
        read: async () => (await read(tx, [paymentId]))[0]!,
        move: (from, to) =>
          transitionPayment(tx, { paymentId, from, to, at, set: { refundedAmount: 2_500 } }),
      }),
    );
    expect(counts).toEqual({ legal: 9, illegal: 27 });
  });

  it('cancels an order’s pending payments in bulk, except those `where` leaves out', async () => {
    await inTx(async (tx) => {
      for (const id of paymentIds) await put(tx, id, 'pending');
      await put(tx, paymentIds[2]!, 'succeeded');
      const before = await read(tx);
      await expect(
        transitionOrderPayments(tx, {
          orderId,
          from: ['pending', 'succeeded'],
          to: 'cancelled',
          at,
        }),
      ).rejects.toThrow(new IllegalTransitionError('payments', 'succeeded', 'cancelled'));
      expect(await read(tx)).toEqual(before);
      const cancelled = await transitionOrderPayments(tx, {
        orderId,
        from: ['pending'],
        to: 'cancelled',
        at,
        where: ne(payments.provider, 'yookassa'),
      });
      expect(cancelled).toEqual([paymentIds[0]]);
      const byProvider = Object.fromEntries(
        (await read(tx)).map((p) => [paymentIds.indexOf(p.id), p.status]),
      );
      expect(byProvider).toEqual({ 0: 'cancelled', 1: 'pending', 2: 'succeeded' });
    });
  });
});
