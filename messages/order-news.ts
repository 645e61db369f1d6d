import type { Tx } from '../models/db.js';
import { orderChannelTitles } from '../models/payments/receipt.js';
import { orderData } from './callback-data/orders.js';
import { toOwners, type Notification } from './notification.js';
import type { EventOf, Tell } from './notify-on-events.js';

type OrderEvent =
  'order.review_requested' | 'order.scheduled' | 'order.rejected' | 'order.cancelled';

/** The advertiser's news about their order, with «Open order» under it. */
async function toAdvertiser(
  tx: Tx,
  e: EventOf<OrderEvent>,
  key: string,
  vars: Record<string, string> = {},
): Promise<Notification> {
  return {
    accountId: e.advertiserAccountId,
    key,
    vars: { channel: await orderChannelTitles(tx, e.orderId), ...vars },
    buttons: [
      [{ key: 'orders-button-open', data: orderData.pack({ action: 'card', orderId: e.orderId }) }],
    ],
  };
}

/** The workspace's owner and managers hear one line about the order. */
async function toMembers(tx: Tx, e: EventOf<OrderEvent>, key: string): Promise<Notification[]> {
  return toOwners(tx, e.workspaceId, key, { channel: await orderChannelTitles(tx, e.orderId) });
}

/**
 * What the order's two sides hear about its review (the members' review cards with the creative
 * come from the review-cards consumer): where a paid order went, the owners' decision, the
 * deadline passing, the advertiser cancelling. Refunds are told by `payment.refunded`.
 */
export const orderTellers: { [T in OrderEvent]: Tell<T> } = {
  'order.review_requested': async (tx, e) => [
    await toAdvertiser(tx, e, 'review-news-in-review', { deadline: e.deadline }),
  ],
  'order.scheduled': async (tx, e) => [
    await toAdvertiser(tx, e, 'review-news-scheduled'),
    ...(e.auto ? await toMembers(tx, e, 'review-auto-scheduled-owner') : []),
  ],
  'order.rejected': async (tx, e) =>
    e.reason === null
      ? [
          await toAdvertiser(tx, e, 'review-news-auto-rejected'),
          ...(await toMembers(tx, e, 'review-auto-rejected-owner')),
        ]
      : [await toAdvertiser(tx, e, 'review-news-rejected', { reason: e.reason })],
  // The advertiser cancelled (their own chat answered them); owners hear it if they were deciding.
  'order.cancelled': async (tx, e) =>
    e.from === 'in_review' ? toMembers(tx, e, 'review-cancelled-owner') : [],
};
