import { createStripeBilling } from './stripe-billing.js';
import {
  integerParam,
  invalid,
  missing,
  nowSec,
  requiredString,
  StripeApiError,
  stripeId,
  stringMap,
  type Events,
  type Json,
  type Kind,
} from './stripe-protocol.js';

/** The fake's Stripe objects and their state changes (each change returns the events Stripe would send). */
export interface StripeObjects {
  createSession(params: Json): Json;
  listSessions(params: Json): Json;
  session(id: string): Json;
  findSession(id: string): Json | undefined;
  complete(id: string, asyncPayment: boolean): Events;
  settleAsync(id: string, succeeded: boolean): Events;
  expire(id: string): { session: Json; events: Events };
  createRefund(params: Json): { refund: Json; events: Events };
  /** A refund fails afterwards (closed card…): its amount leaves the charge's refunded total. */
  failRefund(id: string, reason: string): Events;
  cancelSubscription(id: string): { subscription: Json; events: Events };
  renew(id: string): Events;
  get(kind: Kind, id: string): Json;
  /** Every object of a kind, oldest first. */
  all(kind: Kind | 'checkout.session'): Json[];
}

export function createStripeObjects(options: { payUrl: (id: string) => string }): StripeObjects {
  const sessions = new Map<string, Json>();
  const store: Record<Kind, Map<string, Json>> = {
    payment_intent: new Map(),
    charge: new Map(),
    refund: new Map(),
    subscription: new Map(),
    invoice: new Map(),
  };
  const get = (kind: Kind, id: string) => {
    const found = store[kind].get(id);
    if (!found) throw missing(kind, id);
    return found;
  };
  const billing = createStripeBilling(store, get);
  const lineItems = new Map<string, { amount: number; currency: string; recurring: boolean }>();
  const subscriptionMeta = new Map<string, Record<string, string>>();
  const intentMeta = new Map<string, Record<string, string>>();

  const session = (id: string) => {
    const found = sessions.get(id);
    if (!found) throw missing('checkout.session', id);
    return found;
  };
  const parseLineItem = (params: Json, mode: string) => {
    const items = params.line_items;
    if (!Array.isArray(items) || items.length !== 1)
      throw invalid('Exactly one line item is supported.', 'line_items');
    const item = items[0] as Json;
    const price = item.price_data as Json | undefined;
    if (!price)
      throw invalid(
        'Missing required param: line_items[0][price_data].',
        'line_items[0][price_data]',
        'parameter_missing',
      );
    const currency = requiredString(price, 'currency');
    if (!/^[a-z]{3}$/.test(currency))
      throw invalid(`Invalid currency: ${currency}`, 'line_items[0][price_data][currency]');
    const amount = integerParam(price.unit_amount, 'line_items[0][price_data][unit_amount]', 1);
    const quantity = integerParam(item.quantity ?? '1', 'line_items[0][quantity]', 1);
    if (!(price.product_data as Json | undefined)?.name) {
      throw invalid(
        'Missing required param: line_items[0][price_data][product_data][name].',
        'line_items[0][price_data][product_data][name]',
        'parameter_missing',
      );
    }
    const recurring = price.recurring !== undefined;
    if (mode === 'subscription' && !recurring)
      throw invalid(
        'You must provide at least one recurring price in `subscription` mode.',
        'line_items',
      );
    if (mode === 'payment' && recurring)
      throw invalid('You specified `payment` mode but passed a recurring price.', 'line_items');
    return { amount: amount * quantity, currency, recurring };
  };

  const createSession = (params: Json): Json => {
    const mode = requiredString(params, 'mode');
    if (mode !== 'payment' && mode !== 'subscription')
      throw invalid(`Invalid mode: ${mode}`, 'mode');
    const line = parseLineItem(params, mode);
    const created = nowSec();
    let expiresAt = created + 24 * 3600;
    if (params.expires_at !== undefined) {
      expiresAt = integerParam(params.expires_at, 'expires_at', 1);
      if (expiresAt <= created)
        throw invalid('The `expires_at` timestamp must be in the future.', 'expires_at');
      if (expiresAt > created + 24 * 3600)
        throw invalid(
          'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
          'expires_at',
        );
    }
    const id = stripeId('cs');
    const object: Json = {
      id,
      object: 'checkout.session',
      mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: line.amount,
      amount_total: line.amount,
      currency: line.currency,
      client_reference_id:
        typeof params.client_reference_id === 'string' ? params.client_reference_id : null,
      metadata: stringMap(params.metadata),
      success_url: params.success_url ?? null,
      cancel_url: params.cancel_url ?? null,
      url: options.payUrl(id),
      created,
      expires_at: expiresAt,
      customer: null,
      payment_intent: null,
      subscription: null,
      invoice: null,
      livemode: false,
    };
    sessions.set(id, object);
    lineItems.set(id, line);
    subscriptionMeta.set(id, stringMap((params.subscription_data as Json | undefined)?.metadata));
    intentMeta.set(id, stringMap((params.payment_intent_data as Json | undefined)?.metadata));
    return object;
  };

  const listSessions = (params: Json): Json => {
    const intent = typeof params.payment_intent === 'string' ? params.payment_intent : undefined;
    const data = [...sessions.values()].filter((s) => !intent || s.payment_intent === intent);
    return { object: 'list', url: '/v1/checkout/sessions', has_more: false, data };
  };

  const pay = (s: Json): Events => {
    const line = lineItems.get(s.id as string)!;
    if (s.mode === 'subscription') {
      const made = billing.subscribe(
        { currency: line.currency, amount: line.amount },
        subscriptionMeta.get(s.id as string) ?? {},
      );
      Object.assign(s, {
        status: 'complete',
        payment_status: 'paid',
        customer: made.customer,
        subscription: made.subscription.id,
        invoice: made.invoice.id,
      });
      return [
        ['customer.subscription.created', made.subscription],
        ['checkout.session.completed', s],
        ['invoice.paid', made.invoice],
      ];
    }
    const piId = stripeId('pi');
    const chId = stripeId('ch');
    const meta = intentMeta.get(s.id as string) ?? {};
    store.payment_intent.set(piId, {
      id: piId,
      object: 'payment_intent',
      amount: line.amount,
      currency: line.currency,
      status: 'succeeded',
      latest_charge: chId,
      metadata: meta,
    });
    store.charge.set(chId, {
      id: chId,
      object: 'charge',
      amount: line.amount,
      amount_captured: line.amount,
      amount_refunded: 0,
      currency: line.currency,
      payment_intent: piId,
      paid: true,
      refunded: false,
      status: 'succeeded',
      metadata: meta,
    });
    s.payment_intent = piId;
    return [];
  };

  const complete = (id: string, asyncPayment: boolean): Events => {
    const s = session(id);
    if (s.status !== 'open') throw invalid(`Session ${id} is ${String(s.status)}.`);
    if (asyncPayment) {
      if (s.mode !== 'payment') throw invalid('Async payments are only simulated in payment mode.');
      Object.assign(s, { status: 'complete', payment_status: 'unpaid' });
      return [['checkout.session.completed', s]];
    }
    const events = pay(s);
    if (s.mode === 'subscription') return events;
    Object.assign(s, { status: 'complete', payment_status: 'paid' });
    return [['checkout.session.completed', s]];
  };

  const settleAsync = (id: string, succeeded: boolean): Events => {
    const s = session(id);
    if (s.status !== 'complete' || s.payment_status !== 'unpaid')
      throw invalid(`Session ${id} has no async payment in flight.`);
    if (!succeeded) return [['checkout.session.async_payment_failed', s]];
    pay(s);
    s.payment_status = 'paid';
    return [['checkout.session.async_payment_succeeded', s]];
  };

  const expire = (id: string) => {
    const s = session(id);
    if (s.status !== 'open')
      throw invalid(
        `Only Checkout Sessions with a status in ["open"] can be expired; this one is ${String(s.status)}.`,
      );
    s.status = 'expired';
    return { session: s, events: [['checkout.session.expired', s]] as Events };
  };

  const createRefund = (params: Json) => {
    const piId = typeof params.payment_intent === 'string' ? params.payment_intent : undefined;
    const chargeParam = typeof params.charge === 'string' ? params.charge : undefined;
    if (!piId && !chargeParam)
      throw invalid(
        'One of `charge` or `payment_intent` is required.',
        'payment_intent',
        'parameter_missing',
      );
    const charge = chargeParam
      ? get('charge', chargeParam)
      : get('charge', String(get('payment_intent', piId!).latest_charge));
    const left = (charge.amount as number) - (charge.amount_refunded as number);
    if (left <= 0) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Charge ${String(charge.id)} has already been refunded.`,
        'charge_already_refunded',
      );
    }
    const amount = params.amount === undefined ? left : integerParam(params.amount, 'amount', 1);
    if (amount > left) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount_too_large',
        'amount',
      );
    }
    const refund: Json = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      status: 'succeeded',
      metadata: stringMap(params.metadata),
      created: nowSec(),
    };
    store.refund.set(refund.id as string, refund);
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return { refund, events: [['charge.refunded', charge]] as Events };
  };

  const failRefund = (id: string, reason: string): Events => {
    const refund = get('refund', id);
    if (refund.status === 'failed' || refund.status === 'canceled')
      throw invalid(`Refund ${id} has already ${String(refund.status)}.`, 'refund');
    const charge = get('charge', String(refund.charge));
    refund.status = 'failed';
    refund.failure_reason = reason;
    charge.amount_refunded = (charge.amount_refunded as number) - (refund.amount as number);
    charge.refunded = false;
    // What Stripe sends for one failure: the refund's update, its failure, and the charge's view.
    return [
      ['refund.updated', refund],
      ['refund.failed', refund],
      ['charge.refund.updated', refund],
    ];
  };

  return {
    createSession,
    listSessions,
    session,
    findSession: (id) => sessions.get(id),
    complete,
    settleAsync,
    expire,
    createRefund,
    failRefund,
    cancelSubscription: billing.cancel,
    renew: billing.renew,
    get,
    all: (kind) =>
      kind === 'checkout.session' ? [...sessions.values()] : [...store[kind].values()],
  };
}
