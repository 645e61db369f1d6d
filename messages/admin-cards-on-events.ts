import { openAdminCard, refreshAdminCard, type OpenAdminCardInput } from '../models/admin/cards.js';
import type { Tx } from '../models/db.js';
import type { Consumer } from '../models/outbox/consume.js';
import type { DomainEventType, StoredEvent } from '../models/outbox/events.js';

type EventOf<T extends DomainEventType> = Extract<StoredEvent, { type: T }>;

/** The card an event puts into the admins' queue (kind, object and what its render needs). */
type CardOf<T extends DomainEventType> = (event: EventOf<T>) => Omit<OpenAdminCardInput, 'at'>;

/** The events that open a card; an event missing here opens none. */
const openers: { [T in DomainEventType]?: CardOf<T> } = {
  'order.moderation_requested': (e) => ({
    kind: 'creative',
    objectId: e.orderId,
    data: { reasons: e.reasons },
  }),
  'channel.review_requested': (e) => ({ kind: 'channel', objectId: e.channelId }),
  'dispute.opened': (e) => ({ kind: 'dispute', objectId: e.disputeId }),
  'placement.needs_review': (e) => ({
    kind: 'placement',
    objectId: e.placementId,
    data: { reason: e.reason },
  }),
  'payout.requested': (e) => ({
    kind: 'payout',
    objectId: e.payoutId,
    data: { amount: e.amount, currency: e.currency },
  }),
};

/** An approved payout's card stays open, redrawn with who approved it (and «Mark paid»). */
async function redrawApprovedPayout(tx: Tx, e: EventOf<'payout.decided'>): Promise<void> {
  if (e.outcome !== 'approved') return;
  await refreshAdminCard(tx, {
    kind: 'payout',
    objectId: e.payoutId,
    data: { approvedBy: e.decidedBy.name, approvedAt: e.occurredAt },
    at: e.occurredAt,
  });
}

/**
 * The outbox consumer that fills the admin chat's work queue: the events above open their card
 * (openAdminCard: one per kind + object, its render job queued in the transaction that moves the
 * cursor), so a change yields its card once however often the process dies around it. Deciding a
 * card stays with the admin's own use-case (decideAdminCard), which the admin waits for.
 */
export const adminCardsConsumer: Consumer = {
  name: 'admin-cards',
  async handle(tx, event) {
    if (event.type === 'payout.decided') return redrawApprovedPayout(tx, event);
    const card = (openers[event.type] as CardOf<DomainEventType> | undefined)?.(
      event as EventOf<DomainEventType>,
    );
    if (card) await openAdminCard(tx, { ...card, at: event.occurredAt });
  },
};
