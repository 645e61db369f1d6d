import type { Tx } from '../db.js';
import type { DisputeDecision } from '../disputes/table.js';
import type { Currency, OrderStatus } from '../orders/table.js';
import { domainEvents } from './table.js';

/**
 * The domain's events: facts about state changes, appended in the transaction of the change
 * (appendEvent) and read by consumers (consume.ts). Payloads carry ids and facts — never locale
 * keys, buttons or card layouts: what people are told is the consumers' business.
 */
export type DomainEvent =
  | {
      /** A post would go out late; the advertiser decides until `defaultAt` (then: refund). */
      type: 'placement.late_offered';
      workspaceId: string;
      placementId: string;
      orderId: string;
      advertiserAccountId: string;
      channelTitle: string;
      minutesLate: number;
      defaultAt: string;
    }
  | {
      /** The advertiser moved a late post to another free time of the channel. */
      type: 'placement.late_moved';
      workspaceId: string;
      placementId: string;
      orderId: string;
      channelTitle: string;
      from: string;
      to: string;
    }
  | {
      /** The bot lost its rights in the channel before a post; it retries until the grace ends. */
      type: 'placement.rights_lost';
      workspaceId: string;
      placementId: string;
      channelTitle: string;
      missing: string[];
      graceMinutes: number;
    }
  | {
      /** A post was not made and never will be; `refund` says what the advertiser gets back. */
      type: 'placement.failed';
      workspaceId: string;
      placementId: string;
      orderId: string;
      advertiserAccountId: string | null;
      channelTitle: string;
      cause: string;
      detail: string;
      refund: 'share' | 'full';
    }
  | {
      /** A publication died after (maybe) sending: an admin says whether it went out. */
      type: 'placement.needs_review';
      workspaceId: string;
      placementId: string;
      orderId: string;
      reason: 'interrupted_after_send';
    }
  | {
      /** The ad is live in the channel (recorded by the publisher or an admin's confirmation). */
      type: 'placement.published';
      workspaceId: string;
      placementId: string;
      orderId: string;
    }
  | {
      /** A promise of a live post was broken (first time of its kind for the placement). */
      type: 'placement.violation_recorded';
      workspaceId: string;
      placementId: string;
      orderId: string;
      ownerAccountId: string;
      advertiserAccountId: string;
      channelTitle: string;
      kind: 'top' | 'early_deletion' | 'pin_removed' | 'late';
    }
  | {
      /**
       * A placement's lifetime was settled: `report` when it is counted for the first time (its
       * report to both sides); `order` once the whole order is settled or found undelivered.
       */
      type: 'placement.settled';
      workspaceId: string;
      placementId: string;
      orderId: string;
      advertiserAccountId: string;
      report: boolean;
      /** Broken time of this placement's promises, when the order's split computed it. */
      brokenMs: number | null;
      order:
        | { kind: 'settled'; currency: Currency; owner: number; fee: number; refund: number }
        | { kind: 'undelivered'; currency: Currency; amount: number }
        | null;
    }
  | {
      /** A Pro period was paid: the plan now runs until `until`; paused channels resumed. */
      type: 'subscription.extended';
      workspaceId: string;
      payerAccountId: string;
      amount: number;
      currency: Currency;
      provider: string;
      until: string;
      resumedCount: number;
    }
  | {
      /** Pro ended unpaid: the channels beyond the free plan's limit were paused. */
      type: 'subscription.expired';
      workspaceId: string;
      ownerAccountId: string;
      pausedTitles: string[];
    }
  | {
      /** A one-off Pro period ends in a few days (only sent while nothing renewed it). */
      type: 'subscription.ending_soon';
      workspaceId: string;
      ownerAccountId: string;
      until: string;
    }
  | {
      /** An order is disputed: the other side hears of it (the admins get the dispute card). */
      type: 'dispute.opened';
      workspaceId: string;
      disputeId: string;
      orderId: string;
      openerRole: 'advertiser' | 'owner';
      otherPartyAccountId: string | null;
    }
  | {
      /** An admin decided a dispute (`amount` refunded or credited, in `currency`). */
      type: 'dispute.resolved';
      workspaceId: string;
      disputeId: string;
      orderId: string;
      decision: DisputeDecision;
      amount: number;
      currency: Currency;
      note: string | null;
      advertiserAccountId: string;
      ownerAccountId: string | null;
    }
  | {
      /** An owner asked to withdraw `amount`: it waits for an admin's approval. */
      type: 'payout.requested';
      workspaceId: string;
      payoutId: string;
      requestedByAccountId: string;
      amount: number;
      currency: Currency;
    }
  | {
      /** An admin approved, rejected or marked paid an owner's payout. */
      type: 'payout.decided';
      workspaceId: string;
      payoutId: string;
      outcome: 'approved' | 'rejected' | 'paid';
      requestedByAccountId: string;
      amount: number;
      currency: Currency;
      method: string;
      /** The destination as the owner may see it (masked). */
      destination: string;
      reason: string | null;
      /** The admin who decided (shown on the payout's card). */
      decidedBy: { telegramId: number; name: string };
    }
  /** An order's payment was recorded (held in escrow): the payer's receipt. */
  | ({ type: 'payment.received' } & PaymentFacts)
  /** An order's payment went back (`credited`: the part kept as the payer's balance). */
  | ({ type: 'payment.refunded'; credited: number } & PaymentFacts)
  /** A provider refused a refund for good: the amount is kept as the payer's balance. */
  | ({ type: 'payment.refund_failed'; reason: string } & PaymentFacts)
  | {
      /** A card refund's first attempt failed; it is retried (the payer hears it is on its way). */
      type: 'payment.refund_pending';
      workspaceId: string;
      orderId: string;
      payerAccountId: string;
      provider: string;
    }
  | {
      /** A provider payment failed or was cancelled: the order is held again, or expired. */
      type: 'payment.cancelled';
      workspaceId: string;
      orderId: string;
      payerAccountId: string;
      orderStatus: 'held' | 'expired';
    }
  | {
      /** Money went back outside the bot (a provider's dashboard); `outcome` is what it did to the order. */
      type: 'payment.refunded_outside';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      outcome: 'cancelled' | 'stopped' | 'settled' | 'partial' | 'closed';
      amount: number;
      currency: string;
      provider: string;
    }
  | {
      /** Stars the reconciliation found with nothing to take them: refunded to the payer. */
      type: 'payment.unmatched_refunded';
      workspaceId: null;
      payerTelegramId: number;
    }
  | {
      /** A paid order's creatives wait for the platform's moderation before the owner sees it. */
      type: 'order.moderation_requested';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      /** Why this order is moderated: a first-time advertiser, a flagged one (or both). */
      reasons: ('first_time' | 'flagged')[];
    }
  | {
      /** An advertiser's first hold created a held order (its items follow in the same transaction). */
      type: 'order.created';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      currency: Currency;
      holdExpiresAt: string;
    }
  | {
      /** A partner's webhook endpoint was switched off after its deliveries kept failing. */
      type: 'webhook_endpoint.disabled';
      /** The endpoint's workspace; null for an advertiser account's endpoint. */
      workspaceId: string | null;
      endpointId: string;
      /** Who is told: the workspace's owner or the advertiser account. */
      ownerAccountId: string;
      url: string;
      failedDeliveries: number;
    }
  | {
      /** A paid order waits for its channels' owners to decide, until `deadline`. */
      type: 'order.review_requested';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      deadline: string;
    }
  | {
      /** An order is scheduled: approved by an owner, or (`auto`) accepted by its channels' settings. */
      type: 'order.scheduled';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      auto: boolean;
    }
  | {
      /** An owner rejected an order in review (`reason`), or (null) its review deadline passed. */
      type: 'order.rejected';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      reason: string | null;
    }
  | {
      /** The advertiser cancelled an order before approval (`from`: its status then; `paid`: a refund follows). */
      type: 'order.cancelled';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      from: OrderStatus;
      paid: boolean;
    }
  | {
      /** A new channel waits for the platform's review before it can sell. */
      type: 'channel.review_requested';
      workspaceId: string;
      channelId: string;
      ownerAccountId: string;
      title: string;
    }
  | {
      /** An admin cancelled an order because its channel was blocked (`paid`: a refund follows). */
      type: 'order.cancelled_by_admin';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      channelTitle: string;
      reason: string;
      paid: boolean;
    }
  | {
      /** An admin refunded an order by hand. */
      type: 'order.refunded_by_admin';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      reason: string;
    }
  | {
      /** An admin rejected an order's creatives in pre-moderation. */
      type: 'order.creative_rejected';
      workspaceId: string;
      orderId: string;
      advertiserAccountId: string;
      channelTitle: string;
      reason: string;
    }
  | {
      /** An admin approved or rejected a new channel (`planFull`: approved, paused by the plan). */
      type: 'channel.reviewed';
      workspaceId: string;
      channelId: string;
      ownerAccountId: string;
      title: string;
      approved: boolean;
      planFull: boolean;
      reason: string | null;
    }
  | ({ type: 'channel.blocked' } & ChannelBlockFacts)
  | ({ type: 'channel.unblocked' } & ChannelBlockFacts)
  | ({ type: 'account.blocked' } & AccountBlockFacts)
  | ({ type: 'account.unblocked' } & AccountBlockFacts);

/** A payment of an order: whose, by which provider, how much. */
export interface PaymentFacts {
  workspaceId: string;
  orderId: string;
  paymentId: string;
  payerAccountId: string;
  provider: string;
  amount: number;
  currency: string;
}

/** An admin blocked (with the orders it cancelled) or unblocked a channel. */
interface ChannelBlockFacts {
  workspaceId: string;
  channelId: string;
  title: string;
  reason: string | null;
  cancelledOrders: number;
}

/** An admin blocked or unblocked a person's account (no tenant: system scope). */
interface AccountBlockFacts {
  workspaceId: null;
  accountId: string;
  reason: string | null;
}

export type DomainEventType = DomainEvent['type'];

/** An event as read back from the outbox. */
export type StoredEvent = DomainEvent & { id: number; txId: string; occurredAt: Date };

/** Appends one event to the outbox in the caller's transaction (it commits or rolls back with it). */
export async function appendEvent(tx: Tx, event: DomainEvent, at: Date): Promise<void> {
  // An event with no tenant (workspaceId null) can only be appended by a system transaction.
  const { type, workspaceId, ...payload } = event;
  await tx.insert(domainEvents).values({ type, workspaceId, occurredAt: at, payload });
}
