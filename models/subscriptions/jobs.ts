/** Job names the subscription use-cases queue in-transaction (defined in jobs/subscriptions.ts). */
export const expireSubscriptionsJob = 'subscriptions.expire';
export const remindSubscriptionJob = 'subscriptions.remind';
/** A one-off period (YooKassa, paid again by hand) gets a reminder this long before it ends. */
export const reminderLeadMs = 3 * 24 * 60 * 60 * 1000;
