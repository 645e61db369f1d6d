import { callbackData, field } from './codec.js';

/** dsp:open:<orderId> — «Open a dispute» on an order (advertiser's card or the owner's notice). */
export const openDisputeData = callbackData('dsp:open', { orderId: field.uuid });
