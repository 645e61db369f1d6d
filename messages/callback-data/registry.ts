import * as admin from './admin.js';
import * as analytics from './analytics.js';
import * as apiKeys from './api-keys.js';
import * as balance from './balance.js';
import * as booking from './booking.js';
import * as calendar from './calendar.js';
import * as catalog from './catalog.js';
import * as channels from './channels.js';
import * as checkout from './checkout.js';
import { isCallbackData, type CallbackData } from './codec.js';
import * as creative from './creative.js';
import * as disputes from './disputes.js';
import * as marking from './marking.js';
import * as members from './members.js';
import * as orders from './orders.js';
import * as review from './review.js';
import * as selling from './selling.js';
import * as start from './start.js';
import * as subscription from './subscription.js';
import * as views from './views.js';

/** Every module of callback data, by file name (a test checks none is missing). */
export const callbackDataModules = {
  admin,
  analytics,
  'api-keys': apiKeys,
  balance,
  booking,
  calendar,
  catalog,
  channels,
  checkout,
  creative,
  disputes,
  marking,
  members,
  orders,
  review,
  selling,
  start,
  subscription,
  views,
};

/** Every declared button kind (exported, or one level down in an exported object). */
export function declaredCallbackData(): CallbackData<unknown>[] {
  return Object.values(callbackDataModules)
    .flatMap((module) => Object.values(module))
    .flatMap((value) =>
      isCallbackData(value) ? [value] : typeof value === 'object' ? Object.values(value) : [],
    )
    .filter(isCallbackData);
}
