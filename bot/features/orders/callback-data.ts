const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** ord:list — my orders; ord:card|pv|cx|cxy:<orderId> — card, preview, cancel?, cancel! */
export const listData = 'ord:list';
export const orderPattern = new RegExp(`^ord:(card|pv|cx|cxy):${uuid}$`);
export const orderData = (action: 'card' | 'pv' | 'cx' | 'cxy', orderId: string) =>
  `ord:${action}:${orderId}`;

/** ord:late-now|late-refund:<placementId> — the answer to a late offer (models/placements/late-offer.ts). */
export const lateOfferPattern = new RegExp(`^ord:late-(now|refund):${uuid}$`);
