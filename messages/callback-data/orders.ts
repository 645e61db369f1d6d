import { callbackData, field } from './codec.js';

/** ord:list — my orders. */
export const listData = 'ord:list';

/** ord:camp — the campaign view: all my orders whose posts have gone out, with a chart. */
export const campaignData = 'ord:camp';

/** ord:card|pv|cx|cxy|rep:<orderId> — card, preview, cancel?, cancel!, report */
export const orderData = callbackData('ord', {
  action: field.oneOf('card', 'pv', 'cx', 'cxy', 'rep'),
  orderId: field.uuid,
});

/**
 * ord:late-now|late-refund|late-times|late-back:<placementId> — the answer to a late offer
 * (models/placements/late-offer.ts); late-times lists other times, late-back returns to the choice.
 */
export const lateOfferData = callbackData('ord', {
  choice: field.codes({
    now: 'late-now',
    refund: 'late-refund',
    times: 'late-times',
    back: 'late-back',
  }),
  placementId: field.uuid,
});

/** ord:late-at:<placementId>:<minute since the epoch> — move the late post to that free time. */
export const lateMoveData = callbackData('ord:late-at', {
  placementId: field.uuid,
  at: field.minute(10),
});
