/** What a placement promised and failed to keep (appended to placements.violations). */
export const violationKinds = ['top', 'early_deletion', 'pin_removed', 'late'] as const;
export type ViolationKind = (typeof violationKinds)[number];

/**
 * One broken promise: `at` when it was seen; `from`…`until` the interval the promise was broken
 * (S prices it pro rata: (until − from) / lifetime). Times are ISO strings (jsonb).
 */
export interface PlacementViolation {
  kind: ViolationKind;
  at: string;
  from: string;
  until: string;
  /** top: the offending post. */
  messageId?: number;
  /** top: the album the offending post belongs to (one violation per album). */
  mediaGroupId?: string;
  detail?: Record<string, unknown>;
}

export const probeOutcomes = ['present', 'missing', 'unknown'] as const;
export type ProbeOutcome = (typeof probeOutcomes)[number];

/** One existence or pin check (appended to placements.probe_results). */
export interface ProbeResult {
  kind: 'exists' | 'pin';
  at: string;
  outcome: ProbeOutcome;
  detail?: string;
}

/** The stored violations of a placement, keeping only well-formed entries. */
export function readViolations(value: unknown): PlacementViolation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is PlacementViolation =>
      typeof v === 'object' &&
      v !== null &&
      (violationKinds as readonly unknown[]).includes((v as { kind?: unknown }).kind) &&
      typeof (v as { from?: unknown }).from === 'string' &&
      typeof (v as { until?: unknown }).until === 'string',
  );
}

/** True when `candidate` repeats a violation already recorded (same post, album or kind). */
export function isDuplicate(
  existing: PlacementViolation[],
  candidate: PlacementViolation,
): boolean {
  return existing.some((v) => {
    if (v.kind !== candidate.kind) return false;
    if (candidate.kind !== 'top') return true;
    if (candidate.mediaGroupId && v.mediaGroupId === candidate.mediaGroupId) return true;
    return v.messageId === candidate.messageId;
  });
}
