import type { Tx } from '../db.js';
import { appendEvent } from '../outbox/events.js';
import type { PlacementViolation } from './violations.js';

/** A violation just recorded, with who should hear about it. */
export interface ViolationNotice {
  placementId: string;
  orderId: string;
  workspaceId: string;
  ownerAccountId: string;
  advertiserAccountId: string;
  channelTitle: string;
  violation: PlacementViolation;
}

/**
 * Appends `placement.violation_recorded` in the transaction that records the violation, so the
 * owner and the advertiser hear of it exactly when it exists (messages/notify-on-events.ts).
 */
export async function appendViolationEvent(
  tx: Tx,
  notice: ViolationNotice,
  at: Date,
): Promise<void> {
  const { violation, ...facts } = notice;
  await appendEvent(
    tx,
    { type: 'placement.violation_recorded', ...facts, kind: violation.kind },
    at,
  );
}
