import {
  addMonth,
  invalid,
  nowSec,
  stripeId,
  type Events,
  type Json,
  type Kind,
} from './stripe-protocol.js';

/** Subscriptions and their invoices in the fake (monthly, one price, paid at once). */
export interface StripeBilling {
  subscribe(
    price: { currency: string; amount: number },
    metadata: Record<string, string>,
  ): { customer: string; subscription: Json; invoice: Json };
  cancel(id: string): { subscription: Json; events: Events };
  renew(id: string): Events;
}

export function createStripeBilling(
  store: Record<Kind, Map<string, Json>>,
  get: (kind: Kind, id: string) => Json,
): StripeBilling {
  const invoiceFor = (subscriptionId: string, start: number, end: number, reason: string): Json => {
    const sub = get('subscription', subscriptionId);
    const item = ((sub.items as Json).data as Json[])[0]!;
    const price = item.price as Json;
    const meta = sub.metadata as Record<string, string>;
    const id = stripeId('in');
    const invoice: Json = {
      id,
      object: 'invoice',
      status: 'paid',
      billing_reason: reason,
      customer: sub.customer,
      currency: price.currency,
      amount_due: price.unit_amount,
      amount_paid: price.unit_amount,
      created: nowSec(),
      period_start: start,
      period_end: start,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { subscription: subscriptionId, metadata: meta },
      },
      lines: {
        object: 'list',
        has_more: false,
        data: [
          {
            id: stripeId('il'),
            object: 'line_item',
            amount: price.unit_amount,
            currency: price.currency,
            period: { start, end },
          },
        ],
      },
    };
    store.invoice.set(id, invoice);
    Object.assign(item, { current_period_start: start, current_period_end: end });
    return invoice;
  };

  const subscribe = (
    line: { currency: string; amount: number },
    metadata: Record<string, string>,
  ) => {
    const customer = stripeId('cus');
    const subId = stripeId('sub');
    const start = nowSec();
    const sub: Json = {
      id: subId,
      object: 'subscription',
      status: 'active',
      customer,
      metadata,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      created: start,
      items: {
        object: 'list',
        data: [
          {
            id: stripeId('si'),
            object: 'subscription_item',
            price: {
              currency: line.currency,
              unit_amount: line.amount,
              recurring: { interval: 'month' },
            },
          },
        ],
      },
    };
    store.subscription.set(subId, sub);
    const invoice = invoiceFor(subId, start, addMonth(start), 'subscription_create');
    return { customer, subscription: sub, invoice };
  };

  const cancel = (id: string) => {
    const sub = get('subscription', id);
    if (sub.status === 'canceled') {
      throw invalid(`No such subscription: '${id}' is already canceled.`, 'id', 'resource_missing');
    }
    Object.assign(sub, { status: 'canceled', canceled_at: nowSec(), ended_at: nowSec() });
    return { subscription: sub, events: [['customer.subscription.deleted', sub]] as Events };
  };

  const renew = (id: string): Events => {
    const sub = get('subscription', id);
    if (sub.status !== 'active') throw invalid(`Subscription ${id} is ${String(sub.status)}.`);
    const item = ((sub.items as Json).data as Json[])[0]!;
    const start = item.current_period_end as number;
    return [['invoice.paid', invoiceFor(id, start, addMonth(start), 'subscription_cycle')]];
  };

  return { subscribe, cancel, renew };
}
