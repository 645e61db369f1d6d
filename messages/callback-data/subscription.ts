import { subscriptionProviders } from '../../models/payments/table.js';
import { callbackData, field } from './codec.js';

/** Callback data of the plan screen (bot/features/subscription): `plan:<action>[:<method>]`. */
export const planCallback = {
  show: 'plan:show',
  buy: callbackData('plan:buy', { method: field.oneOf(...subscriptionProviders) }),
  cancel: 'plan:cancel',
  cancelConfirm: 'plan:cancel:yes',
} as const;
