const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** chk:review:<bundleId> — review & pay the bundle (one payment per order). */
export const checkoutPattern = new RegExp(`^chk:review:${uuid}$`);
export const checkoutData = (bundleId: string) => `chk:review:${bundleId}`;

/** chk:pay:<s|c|y|b>:<orderId> — pay one order with Stars, Stripe (card), YooKassa or the balance. */
export const payPattern = new RegExp(`^chk:pay:([scyb]):${uuid}$`);
const methodCodes = { stars: 's', stripe: 'c', yookassa: 'y', balance: 'b' } as const;
export type MethodCode = (typeof methodCodes)[keyof typeof methodCodes];
export const payData = (method: keyof typeof methodCodes, orderId: string) =>
  `chk:pay:${methodCodes[method]}:${orderId}`;
export const methodOf = (code: string): keyof typeof methodCodes =>
  code === 'c' ? 'stripe' : code === 'y' ? 'yookassa' : code === 'b' ? 'balance' : 'stars';
