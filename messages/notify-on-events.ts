import type { Tx } from '../models/db.js';
import { readPlacementJoins } from '../models/joins/queries.js';
import { viewsData } from './callback-data/views.js';
import { orderChannelTitles } from '../models/payments/receipt.js';
import { enqueueJobInTx } from '../models/platform/enqueue-job.js';
import { platformFee } from '../models/ledger/shares.js';
import {
  enqueueNotification,
  toOwners,
  type Notification,
  type NotificationButton,
  type NotificationVars,
} from './notification.js';
import type { Consumer } from '../models/outbox/consume.js';
import type { DomainEventType, StoredEvent } from '../models/outbox/events.js';
import { readPlacementAudience, type PlacementAudience } from '../models/notifications/audience.js';
import { workspaceAudience } from '../models/workspaces/queries.js';
import { openDisputeData } from './callback-data/disputes.js';
import { lateOfferData, orderData } from './callback-data/orders.js';
import { webhooksCallback } from './callback-data/api-keys.js';
import { planCallback } from './callback-data/subscription.js';
import { orderTellers } from './order-news.js';

export type EventOf<T extends DomainEventType> = Extract<StoredEvent, { type: T }>;

/** Who is told what about one event (in the consumer's transaction: system scope). */
export type Tell<T extends DomainEventType> = (
  tx: Tx,
  event: EventOf<T>,
) => Promise<Notification[]>;

/**
 * One message to the advertiser (the post and the order) and one to each workspace member (the
 * post, and a dispute from here: bot/features/disputes).
 */
function toBoth(
  audience: PlacementAudience,
  keys: { advertiser: string; owner: string },
  vars: NotificationVars,
): Notification[] {
  const post: NotificationButton[][] = audience.postUrl
    ? [[{ key: 'notify-button-open-post', url: audience.postUrl }]]
    : [];
  const order = {
    key: 'notify-button-order',
    data: orderData.pack({ action: 'card', orderId: audience.orderId }),
  };
  const dispute = {
    key: 'disputes-button-open',
    data: openDisputeData.pack({ orderId: audience.orderId }),
  };
  return [
    {
      accountId: audience.advertiserAccountId,
      key: keys.advertiser,
      vars,
      buttons: [...post, [order]],
    },
    ...audience.memberAccountIds.map((accountId) => ({
      accountId,
      key: keys.owner,
      vars,
      buttons: [...post, [dispute]],
    })),
  ];
}

const violationKey: Record<EventOf<'placement.violation_recorded'>['kind'], string> = {
  top: 'top',
  early_deletion: 'deleted',
  pin_removed: 'unpinned',
  late: 'late',
};

/** Who hears what when money went back outside the bot, by what it did to the order. */
const refundedOutside: Record<
  EventOf<'payment.refunded_outside'>['outcome'],
  { advertiser?: string; owner?: string }
> = {
  cancelled: {
    advertiser: 'refund-outside-cancelled-advertiser',
    owner: 'refund-outside-cancelled-owner',
  },
  stopped: {
    advertiser: 'refund-outside-stopped-advertiser',
    owner: 'refund-outside-stopped-owner',
  },
  settled: { owner: 'refund-outside-settled-owner' },
  partial: { owner: 'refund-outside-partial-owner' },
  closed: {},
};

/** What the chat says about each event; an event missing here tells nobody. */
const tellers: { [T in DomainEventType]?: Tell<T> } = {
  ...orderTellers,
  'placement.late_offered': async (_tx, e) => [
    {
      accountId: e.advertiserAccountId,
      key: 'publish-late-ask',
      vars: {
        channel: e.channelTitle,
        minutes: e.minutesLate,
        timeout: Math.round((new Date(e.defaultAt).getTime() - e.occurredAt.getTime()) / 60_000),
      },
      buttons: [
        [
          {
            key: 'publish-late-button-now',
            data: lateOfferData.pack({ choice: 'now', placementId: e.placementId }),
          },
        ],
        [
          {
            key: 'publish-late-button-times',
            data: lateOfferData.pack({ choice: 'times', placementId: e.placementId }),
          },
        ],
        [
          {
            key: 'publish-late-button-refund',
            data: lateOfferData.pack({ choice: 'refund', placementId: e.placementId }),
          },
        ],
      ],
    },
  ],
  'placement.late_moved': (tx, e) =>
    toOwners(tx, e.workspaceId, 'publish-late-moved-owner', { channel: e.channelTitle, at: e.to }),
  'placement.rights_lost': (tx, e) =>
    toOwners(tx, e.workspaceId, 'publish-lost-rights', {
      channel: e.channelTitle,
      missing: e.missing.join(', ') || 'can_post_messages',
      minutes: e.graceMinutes,
    }),
  'placement.published': async (tx, e) => {
    const audience = await readPlacementAudience(tx, e.placementId);
    if (!audience) return [];
    const vars = {
      channel: audience.channelTitle,
      publishedAt: audience.publishedAt?.toISOString() ?? '—',
      clicks: audience.clicks,
    };
    return toBoth(
      audience,
      { advertiser: 'notify-published-advertiser', owner: 'notify-published-owner' },
      vars,
    );
  },
  'placement.violation_recorded': async (_tx, e) => {
    const part = violationKey[e.kind];
    const vars = { channel: e.channelTitle, order: e.orderId.slice(0, 8) };
    return [
      { accountId: e.ownerAccountId, key: `verify-${part}-owner`, vars },
      { accountId: e.advertiserAccountId, key: `verify-${part}-advertiser`, vars },
    ];
  },
  'placement.settled': async (tx, e) => {
    const audience = await readPlacementAudience(tx, e.placementId);
    if (!audience) return [];
    const told: Notification[] = [];
    if (e.report && audience.publishedAt) {
      const brokenMinutes = e.brokenMs === null ? 0 : Math.ceil(e.brokenMs / 60_000);
      const joins = await readPlacementJoins(tx, e.placementId);
      const vars = {
        channel: audience.channelTitle,
        publishedAt: audience.publishedAt.toISOString(),
        clicks: audience.clicks,
        reactions: audience.reactions,
        invite: joins.invite ? 'yes' : 'no',
        joins: joins.joins,
        leftDay: joins.leftWithinDay,
        kept: brokenMinutes === 0 ? 'yes' : 'no',
        brokenMinutes,
      };
      const buttons: NotificationButton[][] = audience.postUrl
        ? [[{ key: 'notify-button-open-post', url: audience.postUrl }]]
        : [];
      told.push({
        accountId: e.advertiserAccountId,
        key: 'settle-report-advertiser',
        vars,
        buttons,
      });
      // The owner may add the views they read on the post (the Bot API gives none).
      const report = {
        key: 'notify-button-report-views',
        data: viewsData.pack({ action: 'report', placementId: e.placementId }),
      };
      for (const accountId of audience.memberAccountIds)
        told.push({ accountId, key: 'settle-report-owner', vars, buttons: [...buttons, [report]] });
    }
    if (e.order?.kind === 'settled') {
      const { currency, owner, fee, refund } = e.order;
      for (const accountId of audience.memberAccountIds)
        told.push({
          accountId,
          key: 'settle-earned-owner',
          vars: { currency, amount: owner, fee },
        });
      if (refund > 0)
        told.push({
          accountId: e.advertiserAccountId,
          key: 'settle-credited-advertiser',
          vars: { currency, amount: refund },
        });
    }
    if (e.order?.kind === 'undelivered')
      told.push({
        accountId: e.advertiserAccountId,
        key: 'settle-undelivered-advertiser',
        vars: {
          channel: audience.channelTitle,
          amount: e.order.amount,
          currency: e.order.currency,
        },
      });
    return told;
  },
  'subscription.extended': async (_tx, e) => [
    {
      accountId: e.payerAccountId,
      key: 'subscription-receipt',
      vars: {
        amount: e.amount,
        currency: e.currency,
        method: e.provider,
        until: e.until,
        resumed: e.resumedCount,
      },
    },
  ],
  'subscription.expired': async (_tx, e) => [
    {
      accountId: e.ownerAccountId,
      key: e.pausedTitles.length > 0 ? 'subscription-expired-paused' : 'subscription-expired',
      vars: { count: e.pausedTitles.length, channels: e.pausedTitles.join(', ') },
      buttons: [[{ key: 'subscription-open', data: planCallback.show }]],
    },
  ],
  'subscription.ending_soon': async (_tx, e) => [
    {
      accountId: e.ownerAccountId,
      key: 'subscription-reminder',
      vars: { until: e.until },
      buttons: [[{ key: 'subscription-open', data: planCallback.show }]],
    },
  ],
  'dispute.opened': async (_tx, e) =>
    e.otherPartyAccountId
      ? [
          {
            accountId: e.otherPartyAccountId,
            key: e.openerRole === 'owner' ? 'disputes-opened-advertiser' : 'disputes-opened-owner',
            vars: { order: e.orderId.slice(0, 8) },
          },
        ]
      : [],
  'dispute.resolved': async (_tx, e) => {
    const key = `disputes-resolved-${e.decision.replace('_', '-')}`;
    const vars = {
      order: e.orderId.slice(0, 8),
      amount: e.amount,
      currency: e.currency,
      note: e.note ?? '—',
    };
    return [
      { accountId: e.advertiserAccountId, key: `${key}-advertiser`, vars },
      ...(e.ownerAccountId ? [{ accountId: e.ownerAccountId, key: `${key}-owner`, vars }] : []),
    ];
  },
  'payout.decided': async (_tx, e) => {
    const key = {
      approved: 'balance-payout-approved',
      rejected: 'balance-payout-rejected',
      paid: 'balance-payout-receipt',
    }[e.outcome];
    const vars: NotificationVars = {
      amount: e.amount,
      fee: 0,
      currency: e.currency,
      method: e.method,
      destination: e.destination,
      ...(e.reason !== null ? { reason: e.reason } : {}),
      ...(e.outcome === 'paid' ? { date: e.occurredAt.toISOString() } : {}),
    };
    return [{ accountId: e.requestedByAccountId, key, vars }];
  },
  'payment.received': async (tx, e) => [
    {
      accountId: e.payerAccountId,
      key: e.provider === 'balance' ? 'receipt-payment-balance' : 'receipt-payment',
      vars: {
        order: e.orderId.slice(0, 8),
        channels: await orderChannelTitles(tx, e.orderId),
        amount: e.amount,
        fee: platformFee(e.amount),
        currency: e.currency,
        method: e.provider,
        date: e.occurredAt.toISOString(),
        payment: e.paymentId,
      },
    },
  ],
  'payment.refunded': async (_tx, e) => [
    {
      accountId: e.payerAccountId,
      key:
        e.provider === 'balance'
          ? 'receipt-refund-balance'
          : e.credited > 0
            ? 'receipt-refund-credit'
            : 'receipt-refund',
      vars: {
        order: e.orderId.slice(0, 8),
        amount: e.credited > 0 ? e.credited : e.amount,
        currency: e.currency,
        method: e.provider,
        date: e.occurredAt.toISOString(),
        payment: e.paymentId,
      },
    },
  ],
  'payment.refund_failed': async (_tx, e) => [
    {
      accountId: e.payerAccountId,
      key: 'receipt-refund-failed',
      vars: {
        order: e.orderId.slice(0, 8),
        amount: e.amount,
        currency: e.currency,
        method: e.provider,
        reason: e.reason,
        date: e.occurredAt.toISOString(),
        payment: e.paymentId,
      },
    },
  ],
  'payment.refund_pending': async (_tx, e) => [
    {
      accountId: e.payerAccountId,
      // Stars have their own words (the card wording names Stripe or YooKassa).
      key: e.provider === 'stars' ? 'review-news-refund-pending' : 'receipt-refund-pending',
      vars: { order: e.orderId.slice(0, 8), method: e.provider },
    },
  ],
  'payment.cancelled': async (_tx, e) => [
    {
      accountId: e.payerAccountId,
      key:
        e.orderStatus === 'held'
          ? 'checkout-payment-failed-held'
          : 'checkout-payment-failed-expired',
      vars: { order: e.orderId.slice(0, 8) },
    },
  ],
  'payment.refunded_outside': async (tx, e) => {
    const keys = refundedOutside[e.outcome];
    if (!keys.advertiser && !keys.owner) return [];
    const vars = {
      order: e.orderId.slice(0, 8),
      channels: await orderChannelTitles(tx, e.orderId),
      amount: e.amount,
      currency: e.currency,
      method: e.provider,
    };
    const owners = keys.owner ? await toOwners(tx, e.workspaceId, keys.owner, vars) : [];
    const advertiser = keys.advertiser
      ? [{ accountId: e.advertiserAccountId, key: keys.advertiser, vars }]
      : [];
    return [...advertiser, ...owners];
  },
  'payment.unmatched_refunded': async (_tx, e) => [
    { telegramId: e.payerTelegramId, key: 'checkout-paid-unknown' },
  ],
  'order.moderation_requested': async (_tx, e) => [
    { accountId: e.advertiserAccountId, key: 'admin-creative-pending' },
  ],
  'channel.review_requested': async (_tx, e) => [
    { accountId: e.ownerAccountId, key: 'admin-channel-pending', vars: { channel: e.title } },
  ],
  'order.cancelled_by_admin': async (_tx, e) => [
    {
      accountId: e.advertiserAccountId,
      key: e.paid ? 'admin-ops-order-cancelled-paid' : 'admin-ops-order-cancelled-unpaid',
      vars: { channel: e.channelTitle, order: e.orderId.slice(0, 8), reason: e.reason },
    },
  ],
  'order.refunded_by_admin': async (_tx, e) => [
    {
      accountId: e.advertiserAccountId,
      key: 'admin-ops-order-refunded-by-admin',
      vars: { order: e.orderId.slice(0, 8), reason: e.reason },
    },
  ],
  'order.creative_rejected': async (_tx, e) => [
    {
      accountId: e.advertiserAccountId,
      key: 'admin-creative-rejected',
      vars: { channel: e.channelTitle, reason: e.reason },
    },
  ],
  'channel.reviewed': async (_tx, e) => [
    {
      accountId: e.ownerAccountId,
      key: !e.approved
        ? 'admin-channel-rejected'
        : e.planFull
          ? 'admin-channel-approved-plan'
          : 'admin-channel-approved',
      vars: { channel: e.title, ...(e.reason !== null ? { reason: e.reason } : {}) },
    },
  ],
  'channel.blocked': async (tx, e) =>
    (await workspaceAudience(tx, e.workspaceId)).map((accountId) => ({
      accountId,
      key: 'admin-ops-channel-blocked-owner',
      vars: { channel: e.title, reason: e.reason ?? '', count: e.cancelledOrders },
    })),
  'channel.unblocked': async (tx, e) =>
    (await workspaceAudience(tx, e.workspaceId)).map((accountId) => ({
      accountId,
      key: 'admin-ops-channel-unblocked-owner',
      vars: { channel: e.title },
    })),
  'account.blocked': async (_tx, e) => [
    { accountId: e.accountId, key: 'admin-ops-account-blocked', vars: { reason: e.reason ?? '' } },
  ],
  'account.unblocked': async (_tx, e) => [
    { accountId: e.accountId, key: 'admin-ops-account-unblocked' },
  ],
  'webhook_endpoint.disabled': async (_tx, e) => [
    {
      accountId: e.ownerAccountId,
      key: 'webhooks-disabled-notice',
      vars: { url: e.url, failures: e.failedDeliveries },
      buttons: [
        [
          {
            key: 'webhooks-open-button',
            data: webhooksCallback.show.pack({ owner: e.workspaceId ? 'workspace' : 'account' }),
          },
        ],
      ],
    },
  ],
  'placement.failed': async (tx, e) => {
    const vars = { channel: e.channelTitle, cause: e.cause, detail: e.detail, refund: e.refund };
    const owners = await toOwners(tx, e.workspaceId, 'publish-failed-owner', vars);
    const advertiser = e.advertiserAccountId
      ? [{ accountId: e.advertiserAccountId, key: 'publish-failed-advertiser', vars }]
      : [];
    return [...owners, ...advertiser];
  },
};

/**
 * The outbox consumer that turns events into chat notifications: each is queued as a
 * `notifications.send` job in the transaction that moves the consumer's cursor, so an event
 * yields its notifications exactly once, however often the process dies around it.
 */
export const notificationConsumer: Consumer = {
  name: 'notifications',
  async handle(tx, event) {
    const tell = tellers[event.type] as Tell<DomainEventType> | undefined;
    if (!tell) return;
    const schedule = (n: string, d: Record<string, unknown>, at: Date) =>
      enqueueJobInTx(tx, n, d, at);
    for (const notification of await tell(tx, event as EventOf<DomainEventType>)) {
      await enqueueNotification(schedule, notification);
    }
  },
};
