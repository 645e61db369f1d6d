const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** rv:ok:<orderId> approves, rv:no:<orderId> asks a reason and rejects. */
export const reviewPattern = new RegExp(`^rv:(ok|no):${uuid}$`);
export const reviewData = (action: 'ok' | 'no', orderId: string) => `rv:${action}:${orderId}`;
