import type Stripe from 'stripe';
import type { PaymentRefunder, ProviderRefundOutcome, RefundRequest } from './types.js';

export type StripeCurrency = 'USD' | 'EUR';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** STRIPE_API_ROOT, e.g. http://127.0.0.1:12111 (a local fake); default https://api.stripe.com. */
  apiRoot?: string;
  /** SDK retries of network errors / 409 / 5xx, each with the same Idempotency-Key (default 2). */
  maxNetworkRetries?: number;
}

export interface OrderCheckoutInput {
  /** Stable per order payment attempt: a retried create returns the same session. */
  idempotencyKey: string;
  orderId: string;
  /** Our payments.id (kept in the session's metadata). */
  paymentId: string;
  /** Minor units (cents). */
  amount: number;
  currency: StripeCurrency;
  description: string;
  successUrl: string;
  cancelUrl: string;
  /** Stripe accepts 30 min … 24 h from its own now. */
  expiresAt: Date;
}

export interface SubscriptionCheckoutInput {
  idempotencyKey: string;
  workspaceId: string;
  paymentId?: string;
  /** Minor units per month. */
  amount: number;
  currency: StripeCurrency;
  description: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutState {
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntentId?: string;
}

/** Stripe Checkout, refunds and subscriptions over Stripe's API (the `stripe` SDK). */
export interface StripeGateway {
  createOrderCheckout(input: OrderCheckoutInput): Promise<{ sessionId: string; url: string }>;
  createSubscriptionCheckout(
    input: SubscriptionCheckoutInput,
  ): Promise<{ sessionId: string; url: string }>;
  retrieveCheckout(sessionId: string): Promise<CheckoutState>;
  /** Refunds a payment_intent (`pi_…`); a Checkout Session id (`cs_…`) is resolved to its intent. */
  refund: PaymentRefunder;
  cancelSubscription(subscriptionId: string): Promise<void>;
  /**
   * Verifies Stripe-Signature over the raw body (300 s tolerance, wall clock) and parses the event;
   * rejects with StripeEventRefused when the request is at fault (signature, age, body), with any
   * other error when we are (the SDK could not be loaded).
   */
  constructEvent(rawBody: Buffer, signature: string): Promise<Stripe.Event>;
}

/** SDK host/port/protocol options from an API root URL (its path, if any, is not used). */
export function stripeConnectionOptions(apiRoot: string | undefined): Stripe.StripeConfig {
  if (!apiRoot) return {};
  const url = new URL(apiRoot);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}

/** A webhook request Stripe's SDK refused: bad or stale signature, or a body that is not an event. */
export class StripeEventRefused extends Error {
  override readonly name = 'StripeEventRefused';
}

const retryableTypes = new Set(['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError']);

/**
 * The SDK's module, imported at the first call that needs it: ~200 modules and 15 MiB of memory a
 * process without Stripe keys never loads, and one with them only once a payment goes that way.
 */
let sdk: Promise<typeof Stripe> | undefined;
const loadSdk = () => (sdk ??= import('stripe').then((m) => m.default));

/** Maps an SDK error of a refund to the K1 outcome (already refunded / retry later / final). */
function refundFailure(Sdk: typeof Stripe, err: unknown): ProviderRefundOutcome {
  if (err instanceof Sdk.errors.StripeError) {
    const status = err.statusCode ?? 0;
    return {
      ok: false,
      alreadyRefunded: err.code === 'charge_already_refunded',
      retryable: retryableTypes.has(err.type) || status === 409 || status >= 500 || status === 0,
      error: err.code ?? err.type,
    };
  }
  return { ok: false, alreadyRefunded: false, retryable: true, error: 'network_error' };
}

const intentId = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

/** Builds the gateway; neither the SDK nor the network until the first call. */
export function createStripeGateway(options: StripeGatewayOptions): StripeGateway {
  let made: Stripe | undefined;
  const stripe = async () =>
    (made ??= new (await loadSdk())(options.secretKey, {
      ...stripeConnectionOptions(options.apiRoot),
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      timeout: 20_000,
      telemetry: false,
      appInfo: { name: 'lytslot' },
    }));
  const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

  const retrieveCheckout = async (sessionId: string): Promise<CheckoutState> => {
    const client = await stripe();
    const session = await client.checkout.sessions.retrieve(sessionId);
    const paymentIntentId = intentId(session.payment_intent);
    const { status: s, payment_status: p } = session;
    return {
      status: s === 'complete' ? 'complete' : s === 'expired' ? 'expired' : 'open',
      paymentStatus:
        p === 'paid' ? 'paid' : p === 'no_payment_required' ? 'no_payment_required' : 'unpaid',
      ...(paymentIntentId ? { paymentIntentId } : {}),
    };
  };

  const refund = async (request: RefundRequest): Promise<ProviderRefundOutcome> => {
    try {
      let paymentIntent = request.providerPaymentId;
      if (paymentIntent.startsWith('cs_')) {
        const state = await retrieveCheckout(paymentIntent);
        if (!state.paymentIntentId)
          return { ok: false, alreadyRefunded: false, retryable: false, error: 'not_paid' };
        paymentIntent = state.paymentIntentId;
      }
      const client = await stripe();
      const created = await client.refunds.create(
        {
          payment_intent: paymentIntent,
          amount: request.amount,
          metadata: { paymentId: request.paymentId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (created.status === 'failed' || created.status === 'canceled') {
        return { ok: false, alreadyRefunded: false, retryable: false, error: created.status };
      }
      return {
        ok: true,
        refundId: created.id,
        status: created.status === 'succeeded' ? 'succeeded' : 'pending',
      };
    } catch (err) {
      return refundFailure(await loadSdk(), err);
    }
  };

  return {
    async createOrderCheckout(input) {
      const metadata = { orderId: input.orderId, paymentId: input.paymentId };
      const client = await stripe();
      const session = await client.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: input.amount,
                product_data: { name: input.description },
              },
            },
          ],
          client_reference_id: input.orderId,
          metadata,
          payment_intent_data: { metadata },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          expires_at: unixSeconds(input.expiresAt),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe session ${session.id} has no url`);
      return { sessionId: session.id, url: session.url };
    },

    async createSubscriptionCheckout(input) {
      const metadata = {
        purpose: 'subscription',
        workspaceId: input.workspaceId,
        ...(input.paymentId ? { paymentId: input.paymentId } : {}),
      };
      const client = await stripe();
      const session = await client.checkout.sessions.create(
        {
          mode: 'subscription',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: input.amount,
                recurring: { interval: 'month' },
                product_data: { name: input.description },
              },
            },
          ],
          client_reference_id: input.workspaceId,
          metadata,
          subscription_data: { metadata },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe session ${session.id} has no url`);
      return { sessionId: session.id, url: session.url };
    },

    retrieveCheckout,
    refund,

    async cancelSubscription(subscriptionId) {
      const client = await stripe();
      await client.subscriptions.cancel(subscriptionId);
    },

    async constructEvent(rawBody, signature) {
      const client = await stripe();
      try {
        return client.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (error) {
        throw new StripeEventRefused(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
