import { callbackData, field } from './codec.js';

/** rv:ok:<orderId> approves, rv:no:<orderId> asks a reason and rejects. */
export const reviewData = callbackData('rv', {
  action: field.oneOf('ok', 'no'),
  orderId: field.uuid,
});
