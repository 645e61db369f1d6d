const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** chk:review:<bundleId> — review & pay the bundle (one Stars invoice per order). */
export const checkoutPattern = new RegExp(`^chk:review:${uuid}$`);
export const checkoutData = (bundleId: string) => `chk:review:${bundleId}`;
