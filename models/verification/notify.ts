import { enqueueNotification, type ScheduleJob } from '../notifications/enqueue.js';
import type { Tx } from '../db.js';
import { enqueueJobInTx } from '../placements/create-placements.js';
import type { PlacementViolation, ViolationKind } from './violations.js';

/** A violation just recorded, with who should hear about it. */
export interface ViolationNotice {
  placementId: string;
  orderId: string;
  ownerAccountId: string;
  advertiserAccountId: string;
  channelTitle: string;
  violation: PlacementViolation;
}

const keyPart: Record<ViolationKind, string> = {
  top: 'top',
  early_deletion: 'deleted',
  pin_removed: 'unpinned',
  late: 'late',
};

/** Agenda jobs queued inside `tx` (they exist exactly when the violation row does). */
export function scheduleInTx(tx: Tx): ScheduleJob {
  return (name, data, at) => enqueueJobInTx(tx, name, data, at);
}

/**
 * Queues `notifications.send` for the channel owner and the advertiser (keys
 * `verify-<top|deleted|unpinned|late>-owner|advertiser`, vars `channel`, `order`).
 */
export async function queueViolationNotices(
  schedule: ScheduleJob,
  notice: ViolationNotice,
): Promise<void> {
  const part = keyPart[notice.violation.kind];
  const vars = { channel: notice.channelTitle, order: notice.orderId.slice(0, 8) };
  await enqueueNotification(schedule, {
    accountId: notice.ownerAccountId,
    key: `verify-${part}-owner`,
    vars,
  });
  await enqueueNotification(schedule, {
    accountId: notice.advertiserAccountId,
    key: `verify-${part}-advertiser`,
    vars,
  });
}
