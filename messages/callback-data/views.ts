import { callbackData, field } from './codec.js';

/**
 * vw:report|show:<placementId> — the channel's owner reports a post's views (under the
 * end-of-post report); the advertiser opens the owner's screenshot of them (in the order report).
 */
export const viewsData = callbackData('vw', {
  action: field.oneOf('report', 'show'),
  placementId: field.uuid,
});

/** vw:skip — no screenshot for the views just reported. */
export const viewsSkipData = 'vw:skip';
