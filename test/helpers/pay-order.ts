import { expect } from 'vitest';
import {
  attachProviderPayment,
  prepareExternalPayment,
} from '../../models/checkout/prepare-external-payment.js';
import { checkPreCheckout } from '../../models/checkout/pre-checkout.js';
import { prepareInvoice } from '../../models/checkout/prepare-invoice.js';
import { recordStarsPayment } from '../../models/checkout/record-stars-payment.js';
import type { Clock } from '../../models/clock.js';
import { orderReadiness } from '../../models/creatives/order-readiness.js';
import type { Database } from '../../models/db.js';
import type { ExternalProvider } from '../../models/providers/types.js';

/** The Stars rates the model tests price invoices with. */
export const testStarsRates = { starsPerRub: 0.77, starsPerUsd: 77 };

/**
 * Pays the advertiser's held order with Stars as the bot would: the invoice, optionally the
 * pre-checkout answer (it must pass), then successful_payment. Returns the payment's result.
 */
export async function payWithStars(
  database: Database,
  clock: Clock,
  input: { accountId: string; orderId: string; chargeId?: string; preCheckout?: boolean },
) {
  const { accountId, orderId } = input;
  const invoice = await prepareInvoice(
    database,
    { accountId, orderId, rates: testStarsRates, readiness: orderReadiness },
    clock,
  );
  if (!invoice.ok) throw new Error(invoice.code);
  const { payload, stars } = invoice.value;
  if (input.preCheckout) {
    const pre = await checkPreCheckout(
      database,
      { accountId, payload, currency: 'XTR', totalAmount: stars },
      clock,
    );
    expect(pre.ok).toBe(true);
  }
  const paid = await recordStarsPayment(
    database,
    {
      accountId,
      payload,
      chargeId: input.chargeId ?? `ch-${Math.random()}`,
      amount: stars,
      currency: 'XTR',
    },
    clock,
  );
  return { stars, paid };
}

/**
 * Opens a Stripe/YooKassa payment for the advertiser's held order and attaches the provider's id
 * (`<provider>-<paymentId>`) and link, as the checkout edge does after calling the gateway.
 */
export async function openExternalPayment(
  database: Database,
  clock: Clock,
  input: { accountId: string; workspaceId: string; orderId: string; provider: ExternalProvider },
) {
  const { accountId, workspaceId, orderId, provider } = input;
  const prepared = await prepareExternalPayment(
    database,
    { accountId, orderId, provider, readiness: orderReadiness },
    clock,
  );
  if (!prepared.ok) throw new Error(prepared.code);
  const providerPaymentId = `${provider}-${prepared.value.paymentId}`;
  const attached = await attachProviderPayment(
    database,
    {
      accountId,
      workspaceId,
      paymentId: prepared.value.paymentId,
      providerPaymentId,
      confirmationUrl: `https://pay.example/${providerPaymentId}`,
    },
    clock,
  );
  expect(attached.ok).toBe(true);
  return { prepared: prepared.value, providerPaymentId };
}
