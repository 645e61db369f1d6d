import { currencies } from '../../models/orders/table.js';
import { callbackData, field } from './codec.js';

/** bal:show — the owner's balance; adv:balance — the advertiser's. */
export const showBalanceData = 'bal:show';
export const advertiserBalanceData = 'adv:balance';

/** bal:req:<currency> — request a payout of that currency's balance. */
export const requestPayoutData = callbackData('bal:req', { currency: field.oneOf(...currencies) });
