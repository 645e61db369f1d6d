const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** dsp:open:<orderId> — «Open a dispute» on an order (advertiser's card or the owner's notice). */
export const openDisputePattern = new RegExp(`^dsp:open:${uuid}$`);
export const openDisputeData = (orderId: string) => `dsp:open:${orderId}`;
