import type { SubscriptionProvider } from '../../models/payments/table.js';

/** Callback data of the plan screen (bot/features/subscription): `plan:<action>[:<method>]`. */
export const planCallback = {
  show: 'plan:show',
  buy: (method: SubscriptionProvider) => `plan:buy:${method}`,
  cancel: 'plan:cancel',
  cancelConfirm: 'plan:cancel:yes',
} as const;
