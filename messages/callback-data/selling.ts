import { callbackData, field } from './codec.js';

/** sell:<action>:<channelId>[:<arg>…] — the selling settings' screens and taps. */
export const sellingData = callbackData('sell', {
  action: field.code('[a-z]+', 'open'),
  channelId: field.uuid,
  args: field.segments,
});
