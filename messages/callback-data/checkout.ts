import { callbackData, field } from './codec.js';

/** chk:review:<bundleId> — review & pay the bundle (one payment per order). */
export const checkoutData = callbackData('chk:review', { bundleId: field.uuid });

/** chk:pay:<s|c|y|b>:<orderId> — pay one order with Stars, Stripe (card), YooKassa or the balance. */
export const payData = callbackData('chk:pay', {
  method: field.codes({ stars: 's', stripe: 'c', yookassa: 'y', balance: 'b' }),
  orderId: field.uuid,
});
