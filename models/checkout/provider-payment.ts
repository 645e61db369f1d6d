import type { Clock } from '../clock.js';
import type { PaymentProviders } from '../providers/create-providers.js';
import type { ExternalProvider } from '../providers/types.js';
import type { PreparedExternalPayment } from './prepare-external-payment.js';

/** How long a Stripe Checkout link stays valid (Stripe accepts 30 min … 24 h). */
const stripeSessionMs = 60 * 60_000;

/**
 * Asks the gateway for the payment page of a prepared payment (the same idempotency key on a
 * retry, so the provider answers with the same payment). Throws when the provider is not
 * configured for the order's currency or does not answer.
 */
export async function createProviderPayment(
  deps: { providers?: PaymentProviders | undefined; clock: Clock },
  provider: ExternalProvider,
  prepared: PreparedExternalPayment,
  page: { description: string; returnUrl: string },
): Promise<{ providerPaymentId: string; url: string }> {
  const { description, returnUrl } = page;
  if (provider === 'stripe') {
    const stripe = deps.providers?.stripe;
    if (!stripe || prepared.currency === 'RUB' || prepared.currency === 'XTR')
      throw new Error('stripe unavailable for this order');
    const session = await stripe.createOrderCheckout({
      idempotencyKey: prepared.idempotencyKey,
      orderId: prepared.orderId,
      paymentId: prepared.paymentId,
      amount: prepared.amount,
      currency: prepared.currency,
      description,
      successUrl: returnUrl,
      cancelUrl: returnUrl,
      expiresAt: new Date(deps.clock.now().getTime() + stripeSessionMs),
    });
    return { providerPaymentId: session.sessionId, url: session.url };
  }
  const yookassa = deps.providers?.yookassa;
  if (!yookassa || prepared.currency !== 'RUB') throw new Error('yookassa unavailable');
  const payment = await yookassa.createPayment({
    idempotenceKey: prepared.idempotencyKey,
    amount: prepared.amount,
    currency: 'RUB',
    description,
    returnUrl,
    metadata: { orderId: prepared.orderId, paymentId: prepared.paymentId },
  });
  return { providerPaymentId: payment.paymentId, url: payment.confirmationUrl };
}
