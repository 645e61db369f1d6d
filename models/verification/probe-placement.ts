import type { Clock } from '../clock.js';
import type { Database } from '../db.js';
import { lifetimeEnd } from './lifetime.js';
import { appendViolationEvent, type ViolationNotice } from './notify.js';
import { lastProof, lastSignalMissing, readProbeResults } from './proof.js';
import { appendVerification, readVerifiedPlacement, type VerifiedPlacement } from './queries.js';
import { enqueueJobInTx } from '../platform/enqueue-job.js';
import { probeJob } from './schedule-probes.js';
import { classifyCopyFailure, type VerifyTelegram } from './telegram-port.js';
import {
  readViolations,
  type PlacementViolation,
  type ProbeOutcome,
  type ProbeResult,
} from './violations.js';

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

/** A published placement being checked, with its check results so far. */
export type CheckedPlacement = VerifiedPlacement & { publishedAt: Date };

/** What a check's answer means: a violation to record, and/or a probe to run at once (fast path). */
export interface Verdict {
  violation?: PlacementViolation;
  /** Queue a `verify.probe` now: this answer is a sign the post may be gone. */
  confirm?: boolean;
}

/**
 * Records a check; a violation only if the placement is still checkable and has none of its kind,
 * with both sides' notifications queued in the same transaction; a confirmation probe (`confirm`,
 * not for a repeated violation) is queued in it too, due now.
 */
export async function recordCheck(
  deps: Pick<CheckDeps, 'database' | 'clock'>,
  placementId: string,
  probe: { kind: 'exists' | 'pin'; outcome: ProbeOutcome; detail?: string },
  verdict?: (p: CheckedPlacement, at: Date, results: ProbeResult[]) => Verdict,
): Promise<CheckResult> {
  const at = deps.clock.now();
  return deps.database.withSystem(reason, async (tx) => {
    const state = checkable(await readVerifiedPlacement(tx, placementId, true), at);
    if (!state.checked) return state;
    const p = state.placement;
    const decided = verdict?.(p, at, readProbeResults(p.probeResults)) ?? {};
    const v = decided.violation;
    const repeated = v && readViolations(p.violations).some((e) => e.kind === v.kind);
    const recorded = v && !repeated ? v : undefined;
    await appendVerification(tx, placementId, {
      probe: { ...probe, at: at.toISOString() },
      ...(recorded ? { violation: recorded } : {}),
      ...(recorded?.kind === 'early_deletion' ? { goneAt: at } : {}),
      at,
    });
    if (decided.confirm && !repeated) await enqueueJobInTx(tx, probeJob, { placementId }, at);
    if (!recorded) return { checked: true, outcome: probe.outcome };
    const notice: ViolationNotice = {
      placementId,
      orderId: p.orderId,
      workspaceId: p.workspaceId,
      ownerAccountId: p.ownerAccountId,
      advertiserAccountId: p.advertiserAccountId,
      channelTitle: p.channelTitle,
      violation: recorded,
    };
    await appendViolationEvent(tx, notice, at);
    return { checked: true, outcome: probe.outcome, notice };
  });
}

/**
 * "Not found" is a deletion only when confirmed: the latest decisive check before it (a probe's
 * "not found" or a missing pin) said missing too. Then early_deletion runs from the last check
 * that saw the post (or publication) to the end of the lifetime; otherwise a probe is queued now.
 */
function deletionVerdict(p: CheckedPlacement, at: Date, results: ProbeResult[]): Verdict {
  if (!lastSignalMissing(results)) return { confirm: true };
  return {
    violation: {
      kind: 'early_deletion',
      at: at.toISOString(),
      from: lastProof(results, ['exists', 'pin'], p.publishedAt).toISOString(),
      until: lifetimeEnd(p).toISOString(),
    },
  };
}

/**
 * An existence probe: copy the post into the verification chat and delete the copy. "message to
 * copy not found" ⇒ a confirmation probe at once, and once confirmed (deletionVerdict)
 * early_deletion from the last proof to the end of the lifetime, deleted_at = now (the
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
  return recordCheck(deps, placementId, { kind: 'exists', outcome }, deletionVerdict);
}
