import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db.js';
import { postEntries } from '../ledger/post-entries.js';
import { payments } from '../payments/table.js';
import { transitionPayment } from '../payments/transition-payment.js';
import { expectMoved } from '../state-machine.js';
import type { ExtendSubscriptionInput } from './activate-subscription.js';

/** Subscription revenue: credited by every Pro payment (no escrow: nothing is owed back). */
export const subscriptionsAccount = 'platform:subscriptions';

/** Records the money: the payment row (a pending one from checkout is completed) and the ledger. */
export async function recordSubscriptionPayment(
  tx: Tx,
  input: ExtendSubscriptionInput,
  ids: { subscriptionId: string; payerAccountId: string },
  at: Date,
): Promise<void> {
  const { payment } = input;
  const values = { subscriptionId: ids.subscriptionId, amount: payment.amount, paidAt: at };
  const [pending] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.provider, input.provider),
        eq(payments.providerPaymentId, payment.providerPaymentId),
        eq(payments.status, 'pending'),
      ),
    )
    .for('update');
  if (pending) {
    const moved = await transitionPayment(tx, {
      paymentId: pending.id,
      from: ['pending'],
      to: 'succeeded',
      at,
      set: values,
    });
    expectMoved(moved, `payment ${pending.id} → succeeded`);
  } else {
    // Paid with no row opened at checkout (a renewal): born succeeded, an entry state.
    await tx.insert(payments).values({
      ...values,
      status: 'succeeded',
      updatedAt: at,
      workspaceId: input.workspaceId,
      accountId: ids.payerAccountId,
      purpose: 'subscription',
      provider: input.provider,
      providerPaymentId: payment.providerPaymentId,
      currency: payment.currency,
      details: {
        periodEnd: input.periodEnd.toISOString(),
        ...(input.providerSubscriptionId
          ? { providerSubscriptionId: input.providerSubscriptionId }
          : {}),
      },
      createdAt: at,
    });
  }
  const base = { currency: payment.currency, workspaceId: input.workspaceId };
  await postEntries(tx, {
    memo: `subscription ${ids.subscriptionId}: ${input.provider} payment ${payment.providerPaymentId}`,
    lines: [
      { ...base, account: `provider:${input.provider}`, amount: payment.amount },
      { ...base, account: subscriptionsAccount, amount: -payment.amount },
    ],
    at,
  });
}
