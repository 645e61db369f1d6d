import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../models/db.js';
import type { Currency } from '../../models/orders/table.js';
import { postPaymentToEscrow } from '../../models/payments/escrow.js';
import { payments } from '../../models/schema.js';
import type { PaymentProvider } from '../../models/payments/table.js';

export interface PaymentOverrides {
  /** Minor units (⭐ for XTR); the order's total priced at the test Stars rates by default. */
  amount?: number;
  /** XTR (Stars) by default; RUB is paid through YooKassa, USD/EUR through Stripe. */
  currency?: Currency;
  provider?: PaymentProvider;
  chargeId?: string;
  at?: Date;
}

export interface MadePayment {
  paymentId: string;
  chargeId: string;
  provider: PaymentProvider;
  amount: number;
  currency: Currency;
}

/** Stars a total in kopecks costs at testStarsRates (0.77 ⭐ a rouble). */
export const starsFor = (totalKopecks: number) => Math.round((totalKopecks / 100) * 0.77);

const providerOf = (currency: Currency): PaymentProvider =>
  currency === 'XTR' ? 'stars' : currency === 'RUB' ? 'yookassa' : 'stripe';

interface PaidOrder {
  orderId: string;
  workspaceId: string;
  advertiserAccountId: string;
  total: number;
}

/** A succeeded payment of an order, credited to escrow (what a provider's success leaves behind). */
export async function insertPayment(
  tx: Tx,
  order: PaidOrder,
  overrides: PaymentOverrides = {},
): Promise<MadePayment> {
  const currency = overrides.currency ?? 'XTR';
  const provider = overrides.provider ?? providerOf(currency);
  const amount = overrides.amount ?? (currency === 'XTR' ? starsFor(order.total) : order.total);
  const chargeId = overrides.chargeId ?? `charge-${randomUUID()}`;
  const at = overrides.at ?? new Date();
  const [row] = await tx
    .insert(payments)
    .values({
      workspaceId: order.workspaceId,
      accountId: order.advertiserAccountId,
      purpose: 'order',
      orderId: order.orderId,
      provider,
      providerPaymentId: chargeId,
      amount,
      currency,
      status: 'succeeded',
      paidAt: at,
    })
    .returning({ id: payments.id });
  if (!row) throw new Error('payment not inserted');
  await postPaymentToEscrow(tx, {
    provider,
    amount,
    currency,
    workspaceId: order.workspaceId,
    orderId: order.orderId,
    chargeId,
    at,
  });
  return { paymentId: row.id, chargeId, provider, amount, currency };
}

/** insertPayment in its own transaction. */
export function makePayment(
  database: Database,
  order: PaidOrder,
  overrides: PaymentOverrides = {},
): Promise<MadePayment> {
  return database.withSystem('test factory: payment', (tx) => insertPayment(tx, order, overrides));
}
