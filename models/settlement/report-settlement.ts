import type { Database } from '../db.js';
import { placementAudience } from '../notifications/audience.js';
import {
  enqueueNotification,
  type NotificationButton,
  type ScheduleJob,
} from '../notifications/enqueue.js';
import type { SettleOutcome } from './settle-placement.js';

/**
 * Queues the reports of a settlement: for the placement, a short report to both sides (published
 * at, lifetime kept or not, clicks so far); once the order is settled, the owner's earnings and the
 * advertiser's credit for broken time; an undelivered order tells the advertiser a full refund.
 */
export async function reportSettlement(
  database: Database,
  schedule: ScheduleJob,
  placementId: string,
  outcome: SettleOutcome,
): Promise<void> {
  if (outcome.kind === 'already_settled') return;
  const audience = await placementAudience(database, placementId);
  if (!audience) return;
  const share =
    'split' in outcome
      ? outcome.split.placements.find((p) => p.placementId === placementId)
      : undefined;
  const brokenMinutes = share ? Math.ceil(share.brokenMs / 60_000) : undefined;
  const buttons: NotificationButton[][] = audience.postUrl
    ? [[{ key: 'notify-button-open-post', url: audience.postUrl }]]
    : [];
  const vars = {
    channel: audience.channelTitle,
    publishedAt: audience.publishedAt?.toISOString() ?? '—',
    clicks: audience.clicks,
    kept: brokenMinutes === undefined || brokenMinutes === 0 ? 'yes' : 'no',
    brokenMinutes: brokenMinutes ?? 0,
  };
  if (audience.publishedAt) {
    await enqueueNotification(schedule, {
      accountId: audience.advertiserAccountId,
      key: 'settle-report-advertiser',
      vars,
      buttons,
    });
    for (const accountId of audience.memberAccountIds)
      await enqueueNotification(schedule, { accountId, key: 'settle-report-owner', vars, buttons });
  }
  if (outcome.kind === 'settled') {
    const money = { currency: outcome.currency };
    for (const accountId of audience.memberAccountIds)
      await enqueueNotification(schedule, {
        accountId,
        key: 'settle-earned-owner',
        vars: { ...money, amount: outcome.split.owner, fee: outcome.split.fee },
      });
    if (outcome.split.refund > 0)
      await enqueueNotification(schedule, {
        accountId: outcome.advertiserAccountId,
        key: 'settle-credited-advertiser',
        vars: { ...money, amount: outcome.split.refund },
      });
  }
  if (outcome.kind === 'undelivered')
    await enqueueNotification(schedule, {
      accountId: outcome.advertiserAccountId,
      key: 'settle-undelivered-advertiser',
      vars: {
        channel: audience.channelTitle,
        amount: outcome.split.amount,
        currency: outcome.currency,
      },
    });
}
