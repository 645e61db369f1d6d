import { callbackData, field } from './codec.js';

/** cal:open:<channelId>:<weekOffset> — the week view (the reserved cross-feature entry point). */
export const openData = callbackData('cal:open', {
  channelId: field.uuid,
  week: field.int(2, { signed: true }),
});
/** cal:d:<channelId>:<YYYYMMDD> — one day's slots with block/unblock buttons. */
export const dayData = callbackData('cal:d', { channelId: field.uuid, date: field.date });
/** cal:b|u|i:<channelId>:<epoch minutes> — block, unblock, or explain a slot. */
export const slotData = callbackData('cal', {
  action: field.oneOf('b', 'u', 'i'),
  channelId: field.uuid,
  minute: field.int(9),
});
