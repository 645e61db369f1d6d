import type { Database } from '../db.js';
import { placementAudience, type PlacementAudience } from './audience.js';
import {
  enqueueNotification,
  type NotificationButton,
  type NotificationVars,
  type ScheduleJob,
} from './enqueue.js';

/** Queues one message to the advertiser and one to each workspace member. */
async function tellBoth(
  schedule: ScheduleJob,
  audience: PlacementAudience,
  keys: { advertiser: string; owner: string },
  vars: NotificationVars,
): Promise<void> {
  const buttons: NotificationButton[][] = audience.postUrl
    ? [[{ key: 'notify-button-open-post', url: audience.postUrl }]]
    : [];
  const orderButton: NotificationButton[] = [
    { key: 'notify-button-order', data: `ord:card:${audience.orderId}` },
  ];
  await enqueueNotification(schedule, {
    accountId: audience.advertiserAccountId,
    key: keys.advertiser,
    vars,
    buttons: [...buttons, orderButton],
  });
  // The owner side may dispute the order from here (bot/features/disputes).
  const disputeButton: NotificationButton[] = [
    { key: 'disputes-button-open', data: `dsp:open:${audience.orderId}` },
  ];
  for (const accountId of audience.memberAccountIds)
    await enqueueNotification(schedule, {
      accountId,
      key: keys.owner,
      vars,
      buttons: [...buttons, disputeButton],
    });
}

const baseVars = (a: PlacementAudience): NotificationVars => ({
  channel: a.channelTitle,
  publishedAt: a.publishedAt?.toISOString() ?? '—',
  clicks: a.clicks,
});

/** Both sides hear the ad is live, with a link to the post (P calls it after recording a publication). */
export async function notifyPublished(
  database: Database,
  schedule: ScheduleJob,
  placementId: string,
): Promise<void> {
  const audience = await placementAudience(database, placementId);
  if (!audience) return;
  await tellBoth(
    schedule,
    audience,
    { advertiser: 'notify-published-advertiser', owner: 'notify-published-owner' },
    baseVars(audience),
  );
}
