import type { StoredEvent } from '../outbox/events.js';

/** The order events partners may subscribe to (docs/api.md#webhooks); the order is stable. */
export const partnerEventTypes = [
  'order.created',
  'order.paid',
  'order.approved',
  'order.rejected',
  'order.published',
  'order.violation',
  'order.settled',
  'order.refunded',
  'order.cancelled',
] as const;
export type PartnerEventType = (typeof partnerEventTypes)[number];

/** Facts of a partner event: ids and values only (never locale keys), snake_case for the wire. */
export type PartnerEventData = { order_id: string } & Record<
  string,
  string | number | boolean | null
>;

/** What a domain event tells partners: its type and data (the order's id among them). */
export interface PartnerEvent {
  type: PartnerEventType;
  orderId: string;
  data: PartnerEventData;
}

function partner(
  type: PartnerEventType,
  orderId: string,
  facts: Record<string, string | number | boolean | null> = {},
): PartnerEvent {
  return { type, orderId, data: { order_id: orderId, ...facts } };
}

/**
 * The partner event a domain event becomes, or undefined when partners do not hear of it. Pure:
 * the same event always maps to the same type and data (retries send the same bytes).
 * `order.refunded_by_admin` maps to nothing: the admin's decision is always followed by the
 * refund's own `payment.refunded` (or a failure event), which is the partner's `order.refunded`.
 */
export function partnerEventOf(event: StoredEvent): PartnerEvent | undefined {
  switch (event.type) {
    case 'order.created':
      return partner('order.created', event.orderId, {
        currency: event.currency,
        hold_expires_at: event.holdExpiresAt,
      });
    case 'payment.received':
      return partner('order.paid', event.orderId, {
        payment_id: event.paymentId,
        amount: event.amount,
        currency: event.currency,
        provider: event.provider,
      });
    case 'order.scheduled':
      return partner('order.approved', event.orderId, { auto: event.auto });
    case 'order.rejected':
      return partner('order.rejected', event.orderId, {
        reason: event.reason,
        by_deadline: event.reason === null,
      });
    case 'placement.published':
      return partner('order.published', event.orderId, { placement_id: event.placementId });
    case 'placement.violation_recorded':
      return partner('order.violation', event.orderId, {
        placement_id: event.placementId,
        kind: event.kind,
      });
    case 'placement.settled': {
      const order = event.order;
      if (order === null) return undefined;
      const settled = order.kind === 'settled';
      return partner('order.settled', event.orderId, {
        placement_id: event.placementId,
        outcome: order.kind,
        currency: order.currency,
        owner_amount: settled ? order.owner : 0,
        platform_fee: settled ? order.fee : 0,
        refund_amount: settled ? order.refund : order.amount,
      });
    }
    case 'payment.refunded':
      return partner('order.refunded', event.orderId, {
        payment_id: event.paymentId,
        amount: event.amount,
        currency: event.currency,
        credited_to_balance: event.credited,
      });
    case 'order.cancelled':
      return partner('order.cancelled', event.orderId, { by: 'advertiser', paid: event.paid });
    case 'order.cancelled_by_admin':
      return partner('order.cancelled', event.orderId, { by: 'admin', paid: event.paid });
    default:
      return undefined;
  }
}

/** The body every delivery of one event sends: `{ id, type, created, data }` (docs/api.md). */
export function partnerEventBody(event: StoredEvent, partnerEvent: PartnerEvent): string {
  return JSON.stringify({
    id: `evt_${event.id}`,
    type: partnerEvent.type,
    created: Math.floor(event.occurredAt.getTime() / 1000),
    data: partnerEvent.data,
  });
}
