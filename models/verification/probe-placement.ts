import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { lifetimeEnd } from './lifetime.js';
import { queueViolationNotices, scheduleInTx, type ViolationNotice } from './notify.js';
import { appendVerification, readVerifiedPlacement, type VerifiedPlacement } from './queries.js';
import { classifyCopyFailure, type VerifyTelegram } from './telegram-port.js';
import { readViolations, type PlacementViolation, type ProbeOutcome } from './violations.js';

export interface CheckDeps {
  database: Database;
  clock: Clock;
  telegram: VerifyTelegram;
  /** VERIFY_CHAT_ID: the private chat copies go to (and are deleted from). */
  verifyChatId: number;
}

export type CheckResult =
  | { checked: false; reason: 'not_found' | 'not_published' | 'over' | 'already_gone' }
  | { checked: true; outcome: ProbeOutcome; notice?: ViolationNotice };

const reason = 'verification: checks of a placement (job)';

/** A published placement within its lifetime whose post is not known to be gone; else why not. */
export function checkable(
  p: VerifiedPlacement | undefined,
  now: Date,
):
  | Extract<CheckResult, { checked: false }>
  | { checked: true; placement: VerifiedPlacement & { chatId: number; publishedAt: Date } } {
  if (!p) return { checked: false, reason: 'not_found' };
  if (p.status !== 'published' || p.chatId === null || !p.publishedAt || p.messageIds.length === 0)
    return { checked: false, reason: 'not_published' };
  if (now >= lifetimeEnd({ ...p, publishedAt: p.publishedAt }))
    return { checked: false, reason: 'over' };
  if (p.deletedAt || readViolations(p.violations).some((v) => v.kind === 'early_deletion'))
    return { checked: false, reason: 'already_gone' };
  return { checked: true, placement: { ...p, chatId: p.chatId, publishedAt: p.publishedAt } };
}

/**
 * Records a check; a violation only if the placement is still checkable and has none of its kind,
 * with both sides' notifications queued in the same transaction.
 */
export async function recordCheck(
  deps: Pick<CheckDeps, 'database' | 'clock'>,
  placementId: string,
  probe: { kind: 'exists' | 'pin'; outcome: ProbeOutcome; detail?: string },
  violation?: (p: VerifiedPlacement & { publishedAt: Date }, at: Date) => PlacementViolation,
): Promise<CheckResult> {
  const at = deps.clock.now();
  return deps.database.withSystem(reason, async (tx) => {
    const state = checkable(await readVerifiedPlacement(tx, placementId, true), at);
    if (!state.checked) return state;
    const p = state.placement;
    const v = violation?.(p, at);
    const repeated = v && readViolations(p.violations).some((e) => e.kind === v.kind);
    const recorded = v && !repeated ? v : undefined;
    await appendVerification(tx, placementId, {
      probe: { ...probe, at: at.toISOString() },
      ...(recorded ? { violation: recorded } : {}),
      ...(recorded?.kind === 'early_deletion' ? { goneAt: at } : {}),
      at,
    });
    if (!recorded) return { checked: true, outcome: probe.outcome };
    const notice: ViolationNotice = {
      placementId,
      orderId: p.orderId,
      ownerAccountId: p.ownerAccountId,
      advertiserAccountId: p.advertiserAccountId,
      channelTitle: p.channelTitle,
      violation: recorded,
    };
    await queueViolationNotices(scheduleInTx(tx), notice);
    return { checked: true, outcome: probe.outcome, notice };
  });
}

/**
 * An existence probe: copy the post into the verification chat and delete the copy. "message to
 * copy not found" ⇒ early_deletion from now to the end of the lifetime, and deleted_at = now (the
 * end-of-lifetime job then does not delete it); any other failure ⇒ 'unknown', nothing else.
 */
export async function probePlacement(deps: CheckDeps, placementId: string): Promise<CheckResult> {
  const before = checkable(
    await deps.database.withSystem(reason, (tx) => readVerifiedPlacement(tx, placementId)),
    deps.clock.now(),
  );
  if (!before.checked) return before;
  const { chatId, messageIds } = before.placement;
  const copy = await deps.telegram.copyMessage(deps.verifyChatId, chatId, messageIds[0] ?? 0);
  if (copy.ok) {
    await deps.telegram.deleteMessage(deps.verifyChatId, copy.value);
    return recordCheck(deps, placementId, { kind: 'exists', outcome: 'present' });
  }
  const outcome = classifyCopyFailure(copy);
  if (outcome === 'unknown')
    return recordCheck(deps, placementId, {
      kind: 'exists',
      outcome,
      detail: `${copy.errorCode}: ${copy.description}`,
    });
  return recordCheck(deps, placementId, { kind: 'exists', outcome }, (p, at) => ({
    kind: 'early_deletion',
    at: at.toISOString(),
    from: at.toISOString(),
    until: lifetimeEnd(p).toISOString(),
  }));
}
