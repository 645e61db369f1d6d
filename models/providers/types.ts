import type { Currency } from '../orders/table.js';

/** Payment providers reached over HTTP through an adapter (Stars goes through the Bot API). */
export type ExternalProvider = 'stripe' | 'yookassa';

/** What a provider answered to one refund request. */
export type ProviderRefundOutcome =
  | { ok: true; refundId: string; status: 'succeeded' | 'pending' }
  | { ok: false; alreadyRefunded: boolean; retryable: boolean; error: string };

/** One refund of (part of) a payment. */
export interface RefundRequest {
  /** Our payments.id. */
  paymentId: string;
  /** Stripe: payment_intent id; YooKassa: payment id; Stars: telegram charge id. */
  providerPaymentId: string;
  /** Minor units (whole stars for XTR), at most what is left of the payment. */
  amount: number;
  currency: Currency;
  /** Stable per refund, e.g. `refund:<paymentId>:<n>`: a retry never refunds twice. */
  idempotencyKey: string;
  payerTelegramId: number;
}

export type PaymentRefunder = (request: RefundRequest) => Promise<ProviderRefundOutcome>;

export type PaymentRefunders = Partial<Record<'stars' | ExternalProvider, PaymentRefunder>>;
