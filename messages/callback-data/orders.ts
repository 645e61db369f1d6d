const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** ord:list — my orders; ord:card|pv|cx|cxy:<orderId> — card, preview, cancel?, cancel! */
export const listData = 'ord:list';
export const orderPattern = new RegExp(`^ord:(card|pv|cx|cxy):${uuid}$`);
export const orderData = (action: 'card' | 'pv' | 'cx' | 'cxy', orderId: string) =>
  `ord:${action}:${orderId}`;

/**
 * ord:late-now|late-refund|late-times:<placementId> — the answer to a late offer
 * (models/placements/late-offer.ts); late-times lists other times, late-back returns to the choice.
 */
export const lateOfferData = (choice: 'now' | 'refund' | 'times' | 'back', placementId: string) =>
  `ord:late-${choice}:${placementId}`;
export const lateOfferPattern = new RegExp(`^ord:late-(now|refund|times|back):${uuid}$`);
/** ord:late-at:<placementId>:<minute since the epoch> — move the late post to that free time. */
export const lateMovePattern = new RegExp(`^ord:late-at:${uuid}:(\\d{1,10})$`);
export const lateMoveData = (placementId: string, at: Date) =>
  `ord:late-at:${placementId}:${Math.round(at.getTime() / 60_000)}`;
