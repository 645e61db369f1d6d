import { recordCheck, checkable, type CheckDeps, type CheckResult } from './probe-placement.js';
import { lastProof } from './proof.js';
import { readVerifiedPlacement } from './queries.js';

/**
 * A pin check while pin_until is ahead: getChat's pinned_message must be the ad's first message
 * (Telegram shows only the newest pin, so another pin on top counts as removal too). Otherwise a
 * `pin_removed` violation from the last pin check that saw it pinned (or publication) until
 * pin_until, once, and a probe at once (an unpinned post may be a deleted one); a failed getChat
 * is 'unknown'.
 */
export async function checkPin(deps: CheckDeps, placementId: string): Promise<CheckResult> {
  const now = deps.clock.now();
  const before = checkable(
    await deps.database.withSystem('verification: pin check (job)', (tx) =>
      readVerifiedPlacement(tx, placementId),
    ),
    now,
  );
  if (!before.checked) return before;
  const { chatId, messageIds, pinUntil } = before.placement;
  if (!pinUntil || pinUntil <= now) return { checked: false, reason: 'over' };
  const pinned = await deps.telegram.pinnedMessageId(chatId);
  if (!pinned.ok)
    return recordCheck(deps, placementId, {
      kind: 'pin',
      outcome: 'unknown',
      detail: `${pinned.errorCode}: ${pinned.description}`,
    });
  if (pinned.value === messageIds[0])
    return recordCheck(deps, placementId, { kind: 'pin', outcome: 'present' });
  return recordCheck(deps, placementId, { kind: 'pin', outcome: 'missing' }, (p, at, results) => ({
    violation: {
      kind: 'pin_removed',
      at: at.toISOString(),
      from: lastProof(results, ['pin'], p.publishedAt).toISOString(),
      until: pinUntil.toISOString(),
      ...(pinned.value !== null ? { detail: { pinnedMessageId: pinned.value } } : {}),
    },
    confirm: true,
  }));
}
